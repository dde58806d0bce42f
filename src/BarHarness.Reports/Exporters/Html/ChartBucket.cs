namespace BarHarness.Reports.Exporters.Html;

/// <summary>
/// One pixel-column of a downsampled series: its x position and the smallest, mean and largest y in it.
/// </summary>
internal readonly record struct ChartBucket(double X, double Min, double Mean, double Max);

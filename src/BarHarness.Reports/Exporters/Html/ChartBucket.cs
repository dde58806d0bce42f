namespace BarHarness.Reports.Exporters.Html;

/// <summary>One pixel-column of a downsampled series: its x position and the smallest and largest y in it.</summary>
internal readonly record struct ChartBucket(double X, double Min, double Max);

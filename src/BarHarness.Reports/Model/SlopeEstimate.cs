namespace BarHarness.Reports.Model;

/// <summary>
/// Ordinary-least-squares trend of heap size over game time, in bytes per game minute, with its
/// two-sided 95 % confidence interval from Student's t with n-2 degrees of freedom.
/// </summary>
/// <param name="BytesPerMinute">Fitted slope.</param>
/// <param name="InterceptBytes">Fitted heap size at game time 0 (used to draw the trend line).</param>
/// <param name="Low95">Lower end of the 95 % confidence interval of the slope.</param>
/// <param name="High95">Upper end of the 95 % confidence interval of the slope.</param>
/// <param name="Samples">How many heap samples the fit used.</param>
public sealed record SlopeEstimate(
    double BytesPerMinute,
    double InterceptBytes,
    double Low95,
    double High95,
    int Samples);

using BarHarness.Core.Randomness;
using BarHarness.Reports.Cost;

namespace BarHarness.Reports.Tests.Cost;

public sealed class CostCalibrationTests
{
    private static IReadOnlyList<CalibrationSample> SamplesFrom(CostCoefficients truth, int count, double noise,
        ulong seed)
    {
        var random = new SeededRandom(seed);
        var model = new CostModel(truth);
        return Enumerable.Range(0, count).Select(_ =>
        {
            long instructions = random.Next(1_000, 400_000);
            long calls = random.Next(0, 2_000);
            long bytes = random.Next(0, 200_000);
            long allocations = random.Next(0, 3_000);
            var noiseFactor = 1 + (noise * ((2 * random.NextDouble()) - 1));
            var micros = model.Price(instructions, calls, bytes, allocations) * noiseFactor;
            return new CalibrationSample(instructions, calls, bytes, allocations, micros);
        }).ToArray();
    }

    private static CostCoefficients Prices(double instruction, double call, double allocByte, double alloc) =>
        new() { PerInstruction = instruction, PerEngineCall = call, PerAllocByte = allocByte, PerAllocation = alloc };

    [Fact]
    public void Calibration_recovers_the_prices_of_noise_free_frames()
    {
        var truth = Prices(instruction: 0.0025, call: 0.4, allocByte: 0.0008, alloc: 0.06);

        var fitted = CostCalibration.Calibrate(SamplesFrom(truth, 200, 0, 1));

        Assert.Equal(truth.PerInstruction, fitted.PerInstruction, 9);
        Assert.Equal(truth.PerEngineCall, fitted.PerEngineCall, 6);
        Assert.Equal(truth.PerAllocByte, fitted.PerAllocByte, 9);
        Assert.Equal(truth.PerAllocation, fitted.PerAllocation, 6);
        Assert.True(fitted.CalibrationRSquared > 0.999999);
        Assert.Equal(200, fitted.CalibrationFrames);
    }

    [Fact]
    public void Calibration_under_noise_stays_close_and_never_prices_negatively()
    {
        var truth = Prices(instruction: 0.002, call: 0.0, allocByte: 0.001, alloc: 0.0);

        var fitted = CostCalibration.Calibrate(SamplesFrom(truth, 500, 0.3, 2));

        Assert.InRange(fitted.PerInstruction, 0.0018, 0.0022);
        Assert.InRange(fitted.PerAllocByte, 0.0009, 0.0011);
        Assert.True(fitted.PerEngineCall >= 0 && fitted.PerAllocation >= 0);
    }

    [Fact]
    public void Price_is_the_weighted_sum_of_the_counters()
    {
        var model = new CostModel(
            new CostCoefficients { PerInstruction = 1, PerEngineCall = 10, PerAllocByte = 100, PerAllocation = 1000 });

        Assert.Equal(4321, model.Price(1, 2, 3, 4));
    }

    [Fact]
    public void Pricing_frames_fills_the_cost_column_only()
    {
        var builder = new FrameSeriesBuilder();
        builder.Add(new FrameSample(1, 0, 10, 99, 0, 1000, 2, 5, 300, 4));
        var model = new CostModel(
            new CostCoefficients { PerInstruction = 0.01, PerEngineCall = 1, PerAllocByte = 0, PerAllocation = 0 });

        var priced = model.PriceFrames(builder.Build());

        Assert.Equal(12, priced.Cost[0], 9);
        Assert.Equal(99, priced.WidgetMicros[0]);
    }

    [Fact]
    public void Too_few_samples_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CostCalibration.Calibrate([new CalibrationSample(1, 1, 1, 1, 1)]));
    }
}

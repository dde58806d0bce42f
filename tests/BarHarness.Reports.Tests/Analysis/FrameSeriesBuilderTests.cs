namespace BarHarness.Reports.Tests.Analysis;

public sealed class FrameSeriesBuilderTests
{
    private static FrameSample Frame(long i, double cost, double real = 10, long flags = 0) =>
        new(i, i / 30.0, 10, real, cost, i, 1, 0, 100, 2, FaultFlags: flags);

    [Fact]
    public void Past_its_capacity_the_series_halves_its_resolution_and_keeps_the_costliest_frame()
    {
        var builder = new FrameSeriesBuilder(capacity: 8);
        for (var i = 0; i < 100; i++)
        {
            builder.Add(Frame(i, i == 41 ? 900 : 1, real: i == 13 ? 0.5 : 10 + i, flags: i == 70 ? 2 : 0));
        }

        var series = builder.Build();

        Assert.InRange(series.Count, 1, 8);
        Assert.Equal(16, series.FramesPerPoint);
        Assert.Contains(41L, series.Frame);
        Assert.Equal(900, series.Cost.Max());
        Assert.Equal(0.5, series.MinWidgetMicros.Min());
        Assert.Equal(109, series.MaxWidgetMicros.Max());
        Assert.Contains(series.FaultFlags, f => f == 2);
        Assert.Equal((900 + 15) / 16.0, series.MeanCost[series.Frame.ToList().IndexOf(41)], 9); // frames 32..47
    }

    [Fact]
    public void Each_point_carries_its_frames_cpu_instrument_and_socket_time()
    {
        var builder = new FrameSeriesBuilder(capacity: 8);
        for (var i = 0; i < 4; i++)
        {
            var frame = Frame(i, cost: i) with { CpuMicros = 100 + i, InstrumentationMicros = 10 + i };
            builder.Add(frame with { SocketMicros = i });
        }

        var series = builder.Build();

        Assert.Equal([100.0, 101, 102, 103], series.CpuMicros);
        Assert.Equal([10.0, 11, 12, 13], series.InstrumentationMicros);
        Assert.Equal([0.0, 1, 2, 3], series.SocketMicros);
    }

    [Fact]
    public void Points_held_stay_at_the_capacity_however_long_the_run()
    {
        var builder = new FrameSeriesBuilder(capacity: 64);
        for (var i = 0; i < 1_000_000; i++)
        {
            builder.Add(Frame(i, i % 7));
            Assert.True(builder.Count <= 64);
        }

        Assert.Equal(1_000_000, builder.Frames);
    }

    [Fact]
    public void The_digest_covers_every_frame_whatever_the_resolution()
    {
        string Digest(int capacity, int changedFrame)
        {
            var builder = new FrameSeriesBuilder(capacity: capacity);
            for (var i = 0; i < 1000; i++)
            {
                builder.Add(Frame(i, i == changedFrame ? 2 : 1));
            }

            return builder.Build().Digest;
        }

        Assert.Equal(Digest(8, -1), Digest(4096, -1));
        Assert.NotEqual(Digest(8, -1), Digest(8, 500));
    }
}

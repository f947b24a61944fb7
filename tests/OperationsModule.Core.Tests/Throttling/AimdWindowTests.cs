using OperationsModule.Core.Http.Throttling;
using Xunit;

namespace OperationsModule.Core.Tests.Throttling;

public sealed class AimdWindowTests
{
    [Fact]
    public void Starts_at_the_most_requests_in_flight_before_the_gate_engaged()
    {
        var window = new AimdWindow(ceiling: 32);

        Assert.Equal(32, window.Size);
        Assert.Equal(32, window.Ceiling);
    }

    [Fact]
    public void Halves_on_each_decrease_but_never_below_one()
    {
        var window = new AimdWindow(32);
        window.OnThrottled();
        window.OnThrottled();
        Assert.Equal(8, window.Size);
        for (var i = 0; i < 10; i++) window.OnThrottled();

        Assert.Equal(1, window.Size);
    }

    [Fact]
    public void Grows_by_one_per_window_of_admitted_requests_up_to_the_ceiling_only()
    {
        var window = new AimdWindow(32);
        for (var i = 0; i < 3; i++) window.OnThrottled();
        Assert.Equal(4, window.Size);
        for (var i = 0; i < 4; i++) window.OnAdmitted();
        Assert.Equal(4, window.Size); // 4 + 1/4 + 1/4.25 + ...: just short of 5
        window.OnAdmitted();
        Assert.Equal(5, window.Size);

        for (var i = 0; i < 10_000; i++) window.OnAdmitted();
        Assert.Equal(32, window.Size);
    }
}

using OperationsModule.Core.Http.Throttling;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling;

public sealed class InFlightLimitTests
{
    [Fact]
    public void Starts_at_the_most_requests_in_flight_before_the_gate_engaged()
    {
        var limit = new InFlightLimit(ceiling: 32);

        Assert.Equal(32, limit.Size);
        Assert.Equal(32, limit.Ceiling);
    }

    [Fact]
    public void Halves_on_each_decrease_but_never_below_one()
    {
        var limit = new InFlightLimit(32);
        limit.OnThrottled();
        limit.OnThrottled();
        Assert.Equal(8, limit.Size);
        for (var i = 0; i < 10; i++) limit.OnThrottled();

        Assert.Equal(1, limit.Size);
    }

    [Fact]
    public void Grows_by_one_per_limits_worth_of_admitted_requests_up_to_the_ceiling_only()
    {
        var limit = new InFlightLimit(32);
        for (var i = 0; i < 3; i++) limit.OnThrottled();
        Assert.Equal(4, limit.Size);
        for (var i = 0; i < 4; i++) limit.OnAdmitted();
        Assert.Equal(4, limit.Size); // 4 + 1/4 + 1/4.25 + ...: just short of 5
        limit.OnAdmitted();
        Assert.Equal(5, limit.Size);

        for (var i = 0; i < 10_000; i++) limit.OnAdmitted();
        Assert.Equal(32, limit.Size);
    }
}

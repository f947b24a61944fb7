using System;

namespace OperationsModule.Bench.Scenarios;

/// <summary>
/// One run of one scenario row with adaptive throttling on or off. Refused counts the 429 and 503 answers among
/// all the simulator gave during the run; Lost counts the items that should have succeeded and got an error record.
/// </summary>
internal readonly record struct ScenarioResult(string Row, bool Adaptive, int Items, long Lost, long Refused, long Answers, double Seconds, double? Rate)
{
    public double RefusedShare => Refused / (double)Math.Max(1, Answers);

    /// <summary>Items done per second over the rate the server admits; null where no rate applies.</summary>
    public double? ThroughputPerRate => Rate is double r ? (Items - Lost) / Seconds / r : null;
}

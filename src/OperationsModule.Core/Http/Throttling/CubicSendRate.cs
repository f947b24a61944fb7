using System;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// The client-side send rate (requests per second) of one connection, after the AWS SDKs' "adaptive" retry
    /// mode: a rate that shrinks when the server throttles and grows back along a CUBIC curve as requests succeed.
    /// Not thread-safe: <see cref="ThrottleGate"/> calls it under its lock. Times are seconds on the gate's clock.
    /// </summary>
    /// <remarks>
    /// Why these parameters, not the SDKs' (β 0.7, absolute C 0.4, start from the measured rate): every refusal
    /// here closes the shared gate for the server's Retry-After, typically a whole second of sending nothing,
    /// so a probe above the server's limit costs far more than in the SDKs, and their absolute C needs 13 s to
    /// climb to 1000 requests/s. So:
    /// <list type="bullet">
    /// <item>Unlimited until the server first throttles: a server that never does pays nothing.</item>
    /// <item>Slow start after that first refusal: from the successes of the last second, doubling every
    /// <see cref="DiscoveryDoublingSeconds"/> while requests are admitted (growth per admission, as TCP grows per
    /// acknowledgement) until the next refusal; then half that rate (TCP's ssthresh).</item>
    /// <item>Congestion avoidance (CUBIC, RFC 9438 shape, scaled to the rate):
    /// rate(t) = Wmax * (1 + <see cref="CubicC"/> * (t - K)^3), K = cbrt((1 - β) / C), t since the last decrease.
    /// Wmax is the rate that met the refusal, β = <see cref="Beta"/>; at most one decrease per
    /// <see cref="MinimumRoundSeconds"/>. The curve flattens around Wmax for about K = 3.7 s, so the next probe above the limit
    /// comes seconds later instead of at once.</item>
    /// <item>Fast recovery (<see cref="OnHold"/>): when most requests were refused and the gate holds them all, the
    /// rate drops to what the server admitted over the last second, but the best rate before that episode is
    /// remembered, and slow start (doubling every quarter second) climbs straight back to it once the server admits
    /// again, then CUBIC probes upwards from it. A hold in a second that admitted nothing (an outage) teaches nothing
    /// and changes nothing: the gate does not call this at all then.</item>
    /// <item>One decrease per round: refusals of requests sent before (or at) the last decrease are ignored (they
    /// were sent at the old rate), as TCP reacts once per window.</item>
    /// </list>
    /// Tuned with a discrete-event model of a token bucket (burst 5, Retry-After 1 s) at 50, 200 and 1000
    /// requests/s; the bench (bench/README.md) measures the real thing.
    /// </remarks>
    internal sealed class CubicSendRate
    {
        public const double SlowStartDoublingSeconds = 0.25;

        /// <summary>Slow start grows per admitted request, so a rate the sends never reached does not keep doubling.</summary>
        private static readonly double SlowStartGainPerAdmission = Math.Log(2) / SlowStartDoublingSeconds;

        /// <summary>
        /// Slow start while no limit is known yet (after the first hold): twice as fast, since nothing is known to lose and a
        /// server limited at 200/s would otherwise wait 1.5 s for the ramp from the five requests its burst admitted.
        /// </summary>
        public const double DiscoveryDoublingSeconds = 0.125;
        private static readonly double DiscoveryGainPerAdmission = Math.Log(2) / DiscoveryDoublingSeconds;
        public const double SlowStartExit = 0.5;
        public const double Beta = 0.9;
        public const double CubicC = 0.002;

        /// <summary>
        /// At most one decrease per half second without a hold: above a token bucket's rate the server still admits its
        /// rate, so time above costs refusals, not throughput; and refusals that come whatever the rate (an item's) cannot
        /// pull the rate down faster than the curve climbs back. Measured against 1 s: fewer refusals at R = 50 (3 %
        /// against 9-13 %), the same throughput within the noise.
        /// </summary>
        public const double MinimumRoundSeconds = 0.5;

        /// <summary>The SDKs' floor: never slower than one request every two seconds.</summary>
        public const double MinimumRate = 0.5;

        private bool _slowStart = true;
        private double _maxRate;
        private double _k;
        private double _reopenAt;
        private double _lastDecreaseAt = double.NegativeInfinity;

        /// <summary>Where slow start stops after a hold: the best rate before the episode; null when it was unlimited.</summary>
        private double? _recoverTo;

        /// <summary>Requests per second, or null while unlimited (the server has not limited a round that admitted anything).</summary>
        public double? Rate { get; private set; }

        public bool InSlowStart => Rate is not null && _slowStart;

        /// <summary>The rate slow start returns to after a hold, or null when unbounded.</summary>
        public double? RecoveryTarget => _recoverTo;

        /// <summary>A request sent at <paramref name="sentAt"/> was admitted (any answer but a throttle).</summary>
        public void OnAdmitted(double now, double sentAt)
        {
            if (Rate is not { } rate) return;
            if (now <= _reopenAt) return;
            if (!_slowStart)
            {
                Rate = Math.Max(MinimumRate, _maxRate * (1 + CubicC * Math.Pow(now - _reopenAt - _k, 3)));
                return;
            }
            // Slow start: one admission at rate r adds ln2/T, so r doubles every T seconds while the server admits
            // (T = 0.125 s until a limit is known, then 0.25 s).
            var grown = rate + (_maxRate == 0 && _recoverTo is null ? DiscoveryGainPerAdmission : SlowStartGainPerAdmission);
            if (_recoverTo is { } target && grown >= target)
            {
                // Back at the best rate before the hold: probe upwards from it (the CUBIC curve's convex side).
                Rate = target;
                _maxRate = target;
                _k = 0;
                _reopenAt = now;
                _slowStart = false;
                _recoverTo = null;
                return;
            }
            Rate = grown;
        }

        /// <summary>
        /// A paced request sent at <paramref name="sentAt"/> was refused while the server admits others: one decrease per
        /// round. Leaving slow start: half the rate (TCP's ssthresh); else β times the rate. Returns false when the refusal
        /// belongs to a round already reacted to.
        /// </summary>
        public bool OnThrottled(double now, double sentAt)
        {
            if (Rate is not { } rate || sentAt <= _lastDecreaseAt || now - _lastDecreaseAt < MinimumRoundSeconds) return false;
            if (_slowStart)
            {
                _slowStart = false;
                _recoverTo = null;
                _maxRate = rate;
                Rate = Math.Max(MinimumRate, rate * SlowStartExit);
                _k = Math.Pow((1 - SlowStartExit) / CubicC, 1.0 / 3);
            }
            else
            {
                // Classic CUBIC: Wmax is the rate that met the refusal. (What the last second admitted is no measure of
                // the limit: that second may hold a ramp or a pause, and it shrinks with every item-specific refusal.)
                // No fast convergence (RFC 9438, 4.7): it makes room for competing flows, but here one client meets one
                // limit, and a Wmax below the rate that met the refusal kept the rate 3 % under a 200/s token bucket for
                // seconds at a time (bench: 0.85-0.88 R with it, 0.90-0.91 R without).
                _maxRate = rate;
                Rate = Math.Max(MinimumRate, rate * Beta);
                _k = Math.Pow((1 - Beta) / CubicC, 1.0 / 3);
            }
            _lastDecreaseAt = now;
            _reopenAt = now;
            return true;
        }

        /// <summary>
        /// Most requests refused in a second that admitted <paramref name="admittedPerSecond"/> (above zero), and every
        /// request held until <paramref name="reopenAt"/>: the rate drops to what was admitted, slow start will climb back
        /// to the best rate before this episode. Returns false when the refusal belongs to a round already reacted to.
        /// </summary>
        public bool OnHold(double now, double sentAt, double reopenAt, double admittedPerSecond)
        {
            if (sentAt <= _lastDecreaseAt && Rate is not null) return false;
            if (Rate is { } rate)
            {
                // The best before the episode: a hold within a recovery keeps the earlier, higher target.
                // Still in the first slow start, no limit found yet: the recovery stays unbounded.
                var firstSlowStart = _slowStart && _recoverTo is null && _maxRate == 0;
                _recoverTo = firstSlowStart ? null : Math.Max(_recoverTo ?? 0, rate);
                Rate = Math.Max(MinimumRate, Math.Min(rate, Math.Max(1, admittedPerSecond)));
            }
            else
            {
                // Unlimited before: slow start from what was admitted, unbounded until a refusal says where the limit is.
                _recoverTo = null;
                Rate = Math.Max(1, admittedPerSecond);
            }
            _slowStart = true;
            _lastDecreaseAt = now;
            _reopenAt = Math.Max(now, reopenAt);
            return true;
        }
    }
}

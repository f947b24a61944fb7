using System;
using OperationsModule.Core.Http.Throttling;
using Xunit;

namespace OperationsModule.Core.Tests.Http.Throttling
{
    /// <summary>
    /// The quota against fixed windows whose reset comes in whole epoch seconds (GitHub's X-RateLimit-Reset): every
    /// answer of a window names the same, rounded-up second, so the window's end looks up to a second late.
    /// </summary>
    public sealed class QuotaBudgetTests
    {
        private const int Limit = 20;
        private const double Window = 2;

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.3)]
        [InlineData(0.5)]
        [InlineData(0.7)]
        [InlineData(0.9)]
        public void Whole_second_resets_of_short_windows_still_spend_the_quota_with_at_most_one_percent_refused(double phase)
        {
            var server = new FixedWindowServer(phase);
            var quota = new QuotaBudget();
            const double step = 0.001; // a client that sends whenever the quota lets it, answered at once
            var admitted = 0;
            var refused = 0;
            quota.Update(server.Answer(0, admit: false), 0, 0, 300);
            for (var now = step; now < 20; now += step)
            {
                if (quota.TryTake(now) > 0) continue;
                var ok = server.TryAdmit(now);
                if (ok) admitted++; else refused++;
                quota.Update(server.Answer(now, admit: false), now, 0, 300, sentAt: now);
            }

            // A turnover shows up to one send spacing late, so an assumed reset can come a hair early: the bound is 1 %.
            Assert.True(refused <= 0.01 * admitted, $"{refused} refused of {admitted + refused} at phase {phase}");
            // 20 s of 2-second windows of 20 hold 200; spreading each quota over the rounded-up reset spent about 0.8 of it.
            Assert.True(admitted >= 0.9 * 200, $"admitted {admitted} of 200 at phase {phase}");
        }

        /// <summary>Windows of <see cref="Limit"/> requests, back to back from <c>phase</c>; resets in whole epoch seconds.</summary>
        private sealed class FixedWindowServer
        {
            private readonly double _phase;
            private long _window = long.MinValue;
            private int _used;

            public FixedWindowServer(double phase) => _phase = phase;

            public bool TryAdmit(double now)
            {
                Roll(now);
                if (_used >= Limit) return false;
                _used++;
                return true;
            }

            public AnnouncedLimit Answer(double now, bool admit)
            {
                Roll(now);
                var end = _phase + (_window + 1) * Window;
                // X-RateLimit-Reset: the epoch second at or after the window's end, read against the answer's arrival.
                return new AnnouncedLimit(Limit - _used, Math.Ceiling(end) - now, Limit, null);
            }

            private void Roll(double now)
            {
                var window = (long)Math.Floor((now - _phase) / Window);
                if (window == _window) return;
                _window = window;
                _used = 0;
            }
        }
    }
}

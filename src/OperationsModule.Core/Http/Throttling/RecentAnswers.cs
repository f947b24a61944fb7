using System;
using System.Threading;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// The connection's most recent answers (admitted or refused, with their time), written lock-free by every
    /// request and read by the gate when it must judge a refusal or measure the rate the server admits. A fixed ring:
    /// memory and cost do not grow with the run; a racing write may show one slot stale, which a share of many
    /// answers does not notice.
    /// </summary>
    internal sealed class RecentAnswers
    {
        public const int Capacity = 256;

        // Per slot: the answer's time in 100 µs units since the gate's origin, shifted left once; the low bit is 1 for a refusal.
        private readonly long[] _slots = new long[Capacity];
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Add(double now, bool refused)
        {
            var index = Interlocked.Increment(ref _count) - 1;
            var units = (long)(Math.Max(0, now) * 10_000);
            Volatile.Write(ref _slots[index % Capacity], (units << 1) | (refused ? 1L : 0L));
        }

        /// <summary>
        /// Refusals and answers among the newest <paramref name="answers"/> given at or after <paramref name="since"/>
        /// (fewer when fewer were recorded).
        /// </summary>
        public (int Refused, int Total) Recent(int answers, double since = double.NegativeInfinity)
        {
            var count = Count;
            var n = (int)Math.Min(Math.Min(answers, Capacity), count);
            var refused = 0;
            var i = 0;
            for (; i < n; i++)
            {
                var slot = Volatile.Read(ref _slots[(count - 1 - i) % Capacity]);
                if ((slot >> 1) / 10_000.0 < since) break;
                refused += (int)(slot & 1);
            }
            return (refused, i);
        }

        /// <summary>
        /// Admitted answers per second over the last second; when the ring covers less than a second (a fast
        /// connection), over the time it covers. A run younger than a second counts as one second, so a burst of five
        /// admissions in five milliseconds reads as five per second, not a thousand: a burst says nothing about a rate.
        /// </summary>
        public double AdmittedPerSecond(double now)
        {
            var count = Count;
            var n = (int)Math.Min(Capacity, count);
            var admitted = 0;
            var oldest = now;
            var i = 0;
            for (; i < n; i++)
            {
                var slot = Volatile.Read(ref _slots[(count - 1 - i) % Capacity]);
                var at = (slot >> 1) / 10_000.0;
                if (now - at > 1) break;
                oldest = at;
                if ((slot & 1) == 0) admitted++;
            }
            // The whole ring within the last second: measure over the span it covers (at least 10 ms).
            var span = i == Capacity ? Math.Max(0.01, now - oldest) : 1;
            return admitted / span;
        }
    }
}

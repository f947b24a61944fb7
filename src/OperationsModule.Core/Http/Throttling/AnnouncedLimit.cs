using System;

namespace OperationsModule.Core.Http.Throttling
{
    /// <summary>
    /// A quota the server announced in an answer's headers: <see cref="Remaining"/> more requests until
    /// <see cref="ResetSeconds"/> from the moment the answer arrived; <see cref="Limit"/> and
    /// <see cref="WindowSeconds"/> when it said them. Produced by <see cref="AnnouncedLimitParser"/> only for
    /// consistent values.
    /// </summary>
    internal readonly struct AnnouncedLimit
    {
        public AnnouncedLimit(long remaining, double resetSeconds, long? limit, double? windowSeconds)
        {
            Remaining = remaining;
            ResetSeconds = resetSeconds;
            Limit = limit;
            WindowSeconds = windowSeconds;
        }

        public long Remaining { get; }

        public double ResetSeconds { get; }

        public long? Limit { get; }

        public double? WindowSeconds { get; }

        public override string ToString() => $"{Remaining} of {Limit?.ToString() ?? "?"} left for {ResetSeconds:0.###} s";
    }
}

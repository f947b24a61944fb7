namespace OperationsModule.Core.Waiting
{
    /// <summary>An item's state as one read showed it, in the system's one spelling.</summary>
    internal sealed class ItemState
    {
        public ItemState(string state, bool isFinal, bool isCancelled)
        {
            State = state;
            IsFinal = isFinal;
            IsCancelled = isCancelled;
        }

        /// <summary>The state in the system's one spelling (IN_PROGRESS, stopping, ...).</summary>
        public string State { get; }

        /// <summary>True once the item will not change any more (cancelled, finished, failed...).</summary>
        public bool IsFinal { get; }

        /// <summary>True when the final state is the cancel having taken effect.</summary>
        public bool IsCancelled { get; }

        public override string ToString() => State;
    }
}

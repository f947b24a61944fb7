namespace OperationsModule.Core.Systems.OLConnect.Listing
{
    /// <summary>
    /// The one spelling of an output creation's state. OL Connect has no status field: getOperations lists the
    /// running operations, getProgress answers a percentage or "done", and a cancelled or finished operation leaves
    /// the list (getProgress then answers 404).
    /// </summary>
    internal static class OutputCreationStatus
    {
        public const string Running = "Running";

        public const string Completed = "Completed";

        public const string Cancelled = "Cancelled";
    }
}

namespace OperationsModule.Core.Output
{
    /// <summary>An SMA-free ProgressRecord.</summary>
    internal sealed class ProgressInfo
    {
        public ProgressInfo(int activityId, string activity, string statusDescription, int percentComplete, bool completed = false)
        {
            ActivityId = activityId;
            Activity = activity;
            StatusDescription = statusDescription;
            PercentComplete = percentComplete;
            Completed = completed;
        }

        public int ActivityId { get; }

        public string Activity { get; }

        public string StatusDescription { get; }

        /// <summary>0-100, or -1 when unknown.</summary>
        public int PercentComplete { get; }

        public bool Completed { get; }
    }
}

using System.Collections.Generic;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Engine
{
    /// <summary>What a stopped run held and never wrote, by what became of it (targets are the items' IDs).</summary>
    internal sealed class Leftovers
    {
        /// <summary>Items taken but never started: the server never received them.</summary>
        public List<object?> NotSent { get; } = new List<object?>();

        /// <summary>Items whose request was under way when the run stopped: whether the server acted is unknown.</summary>
        public List<object?> CutShort { get; } = new List<object?>();

        /// <summary>Requests that had not ended within the grace: counted, not named (their targets are not known yet).</summary>
        public int StillRunning { get; set; }

        /// <summary>Results that finished but were never written: that work did happen.</summary>
        public List<object> Results { get; } = new List<object>();

        /// <summary>Failures never written.</summary>
        public List<Failure> Failures { get; } = new List<Failure>();
    }
}

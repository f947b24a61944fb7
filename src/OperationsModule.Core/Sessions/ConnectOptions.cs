namespace OperationsModule.Core.Sessions
{
    /// <summary>What Connect-OperationsServer adds to a connection request.</summary>
    internal sealed class ConnectOptions
    {
        /// <summary>Keep the session without calling the server (offline preparation, or a server that is down for now).</summary>
        public bool SkipVerification { get; set; }

        /// <summary>Write the session to the pipeline.</summary>
        public bool PassThru { get; set; }
    }
}

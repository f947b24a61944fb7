using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Waiting
{
    /// <summary>A cancel the server accepted, with the connection it went through: what -Wait goes on to read.</summary>
    internal sealed class AcceptedCancel
    {
        public AcceptedCancel(CancellationResult result, ResolvedConnection connection)
        {
            Result = result;
            Connection = connection;
        }

        public CancellationResult Result { get; }

        public ResolvedConnection Connection { get; }
    }
}

using System;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Commands
{
    /// <summary>A command run once per piped OL Connect operation (an object or an ID).</summary>
    internal interface IPipedOperationCommand : IDisposable
    {
        /// <summary>
        /// Handles one piped item. Returns false once stopped (Ctrl+C). Throws OperationsApiException
        /// (NoSession) when there is no connection at all: that fails every item, so it is terminating.
        /// </summary>
        bool Process(OutputCreationOperation? operation, string? rawId, OperationsSession? pipedSession = null, Uri? pipedServer = null);
    }
}

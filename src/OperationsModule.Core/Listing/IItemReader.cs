using OperationsModule.Core.Http;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Listing
{
    /// <summary>One system's "read one item by ID" call, for the Get- commands' -...Id parameters and for list calls that give IDs only.</summary>
    internal interface IItemReader<TItem>
        where TItem : class
    {
        /// <summary>What one item is, for messages (e.g. "VCF task").</summary>
        string What { get; }

        /// <summary>Returns the ID to send or throws InputValidationException naming the parameter (as the Stop- commands do).</summary>
        string ValidateId(string? raw);

        ApiRequest BuildRequest(OperationsSession session, string id);

        /// <summary>The item, carrying the connection's server and session. Throws OperationsApiException for a failure status or an unreadable body.</summary>
        TItem Read(ApiRequest request, ApiResponse response, ResolvedConnection connection);
    }
}

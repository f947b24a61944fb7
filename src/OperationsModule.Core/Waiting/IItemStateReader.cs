using OperationsModule.Core.Http;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Waiting
{
    /// <summary>How a Stop- command's -Wait reads one item's state after its cancel was accepted.</summary>
    internal interface IItemStateReader
    {
        ApiRequest BuildRequest(OperationsSession session, string id);

        /// <summary>
        /// The state this answer shows, or null when it shows none this time and polling goes on (a gateway error
        /// that outlived the transport's retries). Throws OperationsApiException when the wait cannot go on.
        /// <paramref name="previous"/> is the last state read (null before the first), for "gone after the end" rules.
        /// </summary>
        ItemState? Read(ApiRequest request, ApiResponse response, string id, ItemState? previous);

        /// <summary>The command that reads the item again later, for the advice of a timed-out wait.</summary>
        string ReadAgainCommand(string id, CommandNames names);
    }
}

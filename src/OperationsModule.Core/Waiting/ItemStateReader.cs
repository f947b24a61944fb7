using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Waiting
{
    /// <summary>
    /// What every system's state read has in common: a success is parsed by the system; a gateway answer (502, 503,
    /// 504) that outlived the transport's retries is skipped and polled again; a 404 after a state was seen goes to
    /// the system's "gone after the end" rule; anything else ends the wait with the vendor's error.
    /// </summary>
    internal abstract class ItemStateReader : IItemStateReader
    {
        protected ItemStateReader(OperationsSystem system, string kind, IErrorBodyParser errorParser)
        {
            System = system;
            Kind = kind;
            ErrorParser = errorParser;
        }

        public OperationsSystem System { get; }

        public string Kind { get; }

        public IErrorBodyParser ErrorParser { get; }

        public abstract ApiRequest BuildRequest(OperationsSession session, string id);

        public abstract string ReadAgainCommand(string id, CommandNames names);

        /// <summary>The state a success answer shows; throws OperationsApiException (UnexpectedShape) when it shows none.</summary>
        protected abstract ItemState ParseState(ApiRequest request, ApiResponse response, string id);

        /// <summary>
        /// The state an item has when the server no longer knows it after <paramref name="previous"/> was seen; null
        /// (the default) when a 404 is a failure. OL Connect drops finished operations, so there it means "ended".
        /// </summary>
        protected virtual ItemState? WhenGone(ItemState? previous) => null;

        public ItemState? Read(ApiRequest request, ApiResponse response, string id, ItemState? previous)
        {
            if (response.IsSuccess) return ParseState(request, response, id);
            if (response.StatusCode is 502 or 503 or 504) return null;
            if (response.StatusCode == 404 && WhenGone(previous) is { } gone) return gone;
            throw FailureBuilder.FromResponse(request, response, ErrorParser, $"Confirming the cancel of {System} {Kind} '{id}' failed");
        }
    }
}

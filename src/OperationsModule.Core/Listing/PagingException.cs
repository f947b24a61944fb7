using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// A server that pages wrongly (repeats a token or a page, announces no way on, never ends): the list ends with
    /// this instead of looping or emitting items twice.
    /// </summary>
    public sealed class PagingException : OperationsApiException
    {
        internal PagingException(string message, ApiRequest request, int? statusCode)
            : base(message, ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult)
        {
            Method = request.Method.Method;
            RequestUri = request.Uri;
            StatusCode = statusCode;
            RecommendedAction = "The server's paging is inconsistent (a proxy caching pages, or a server fault). Narrow the list with the command's filters, or read items by ID.";
        }
    }
}

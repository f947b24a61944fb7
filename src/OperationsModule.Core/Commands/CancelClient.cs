using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Commands
{
    /// <summary>Sends one cancel request and turns the answer into a CancellationResult or an OperationsApiException.</summary>
    internal static class CancelClient
    {
        public static async Task<CancellationResult> CancelAsync(ICancelEndpoint endpoint, ResolvedConnection connection, ApiRequest request, string id, CancelArguments arguments, ILogSink log, CancellationToken cancellationToken)
        {
            var requestedAt = DateTimeOffset.Now;
            var response = await connection.Transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            if (!endpoint.IsSuccess(response.StatusCode))
                throw FailureBuilder.FromResponse(request, response, endpoint.ErrorParser, $"Cancelling {endpoint.System} {endpoint.Kind} '{id}' failed");
            return new CancellationResult(endpoint.System, endpoint.Kind, id, "CancelRequested", response.StatusCode,
                connection.Session.BaseUri, arguments.Reason, requestedAt, connection.PipeableSession);
        }
    }
}

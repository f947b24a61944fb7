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
    /// <summary>
    /// One item's cancel: sends the request, then turns the answer into a CancellationResult or an OperationsApiException.
    /// Two halves rather than one async method, so the bulk engine runs them in its own frame (see BulkEngine.Add).
    /// </summary>
    internal sealed class CancelCall
    {
        private readonly ICancelEndpoint _endpoint;
        private readonly ResolvedConnection _connection;
        private readonly ApiRequest _request;
        private readonly string _id;
        private readonly CancelArguments _arguments;
        private DateTimeOffset _requestedAt;

        public CancelCall(ICancelEndpoint endpoint, ResolvedConnection connection, ApiRequest request, string id, CancelArguments arguments)
        {
            _endpoint = endpoint;
            _connection = connection;
            _request = request;
            _id = id;
            _arguments = arguments;
        }

        public Task<ApiResponse> SendAsync(ILogSink log, CancellationToken cancellationToken)
        {
            _requestedAt = DateTimeOffset.Now;
            return _connection.Transport.SendAsync(_request, log, cancellationToken);
        }

        public CancellationResult Result(ApiResponse response)
        {
            if (!_endpoint.IsSuccess(response.StatusCode))
                throw FailureBuilder.FromResponse(_request, response, _endpoint.ErrorParser, $"Cancelling {_endpoint.System} {_endpoint.Kind} '{_id}' failed");
            return new CancellationResult(_endpoint.System, _endpoint.Kind, _id, "CancelRequested", response.StatusCode,
                _connection.Session.BaseUri, _arguments.Reason, _requestedAt, _connection.PipeableSession);
        }

        public async Task<CancellationResult> CancelAsync(ILogSink log, CancellationToken cancellationToken) =>
            Result(await SendAsync(log, cancellationToken).ConfigureAwait(false));
    }
}

using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Auth
{
    /// <summary>For servers with security switched off (OL Connect allows it).</summary>
    internal sealed class NoAuthenticator : IAuthenticator
    {
        public static readonly NoAuthenticator Instance = new NoAuthenticator();

        public string Kind => "None";

        public string? UserName => null;

        public bool SendsSecrets => false;

        public bool EveryRequestTriesCredential => false;

        public Task<object?> PrepareAsync(ApiTransport transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.Ready;

        public void Apply(HttpRequestMessage request, object? stamp)
        {
        }

        public Task<bool> RenewAsync(object? stamp, ApiTransport transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.CannotRenew;
    }
}

using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;

namespace OperationsModule.Core.Auth
{
    /// <summary>
    /// For servers with security switched off (OL Connect allows it). One per connection, not shared: what a server
    /// said of a connection's credential (a 401 to a request that carried none) is kept per authenticator, and must not
    /// hold back requests to another server.
    /// </summary>
    internal sealed class NoAuthenticator : IAuthenticator
    {
        /// <summary>Where no credential is ever judged (the transport rule of anonymous calls): sharing it is harmless.</summary>
        public static readonly NoAuthenticator Instance = new NoAuthenticator();

        public string Kind => "None";

        public string? UserName => null;

        public bool SendsSecrets => false;

        public bool EveryRequestTriesCredential => false;

        public Task<object?> PrepareAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.Ready;

        public void Apply(HttpRequestMessage request, object? stamp)
        {
        }

        public Task<bool> RenewAsync(object? stamp, SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.CannotRenew;
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Auth
{
    /// <summary>
    /// Which credentials are tried by one request first: the ones whose authenticator says every request tries them
    /// (Basic), until the server has answered for them; one a login answers for, and a fixed token, let every request go.
    /// </summary>
    public sealed class CredentialTrialTests
    {
        public static IEnumerable<object[]> Authenticators() => new[]
        {
            new object[] { "Basic", true },
            new object[] { "Token", false },
            new object[] { "Login", false },
            new object[] { "None", false },
            new object[] { "StatesItTriesEveryRequest", true },
        };

        private static IAuthenticator Create(string kind) => kind switch
        {
            "StatesItTriesEveryRequest" => new TriesOnEveryRequest(),
            "Basic" => new BasicAuthenticator(Connections.Credential("admin", "pw")),
            "Token" => new HeaderTokenAuthenticator("X-Auth-Token", Connections.Secret("tok")),
            "Login" => new VcfTokenAuthenticator(new Uri("https://sddc.example/"), Connections.Credential("admin@local", "pw")),
            _ => new NoAuthenticator(),
        };

        [Theory]
        [MemberData(nameof(Authenticators))]
        public async Task A_second_request_waits_for_the_first_only_when_every_request_tries_the_credential(string kind, bool triedFirst)
        {
            var authenticator = Create(kind);
            var refusal = CredentialRefusal.For(authenticator);
            var command = new object();

            var first = await refusal.EnterAsync(command, CancellationToken.None);
            var second = refusal.EnterAsync(command, CancellationToken.None);

            Assert.Equal(triedFirst, authenticator.EveryRequestTriesCredential);
            Assert.Equal(triedFirst, first is not null);
            Assert.Equal(!triedFirst, second.IsCompleted);
            refusal.Accepted();
            Assert.Null(await second);
        }

        [Fact]
        public async Task Once_the_server_accepted_a_Basic_credential_every_request_goes_at_once()
        {
            var refusal = CredentialRefusal.For(Create("Basic"));
            var command = new object();
            Assert.NotNull(await refusal.EnterAsync(command, CancellationToken.None));

            refusal.Accepted();

            Assert.Null(await refusal.EnterAsync(command, CancellationToken.None));
            Assert.True(refusal.EnterAsync(command, CancellationToken.None).IsCompleted);
        }
    
        /// <summary>Not Basic, yet says every request tries its credential: the trial follows what it states, not its type.</summary>
        private sealed class TriesOnEveryRequest : IAuthenticator
        {
            public string Kind => "Custom";
            public string? UserName => "someone";
            public bool SendsSecrets => true;
            public bool EveryRequestTriesCredential => true;
            public Task<object?> PrepareAsync(OperationsModule.Core.Http.SendPipeline transport, OperationsModule.Core.Output.ILogSink log, CancellationToken cancellationToken) => Task.FromResult<object?>(null);
            public void Apply(System.Net.Http.HttpRequestMessage request, object? stamp) { }
            public Task<bool> RenewAsync(object? stamp, OperationsModule.Core.Http.SendPipeline transport, OperationsModule.Core.Output.ILogSink log, CancellationToken cancellationToken) => Task.FromResult(false);
        }
    }
}

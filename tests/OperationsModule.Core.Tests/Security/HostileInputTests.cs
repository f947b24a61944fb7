using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Validation;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>
    /// Bad input is refused before any request, naming the parameter. Each case runs the real Core path
    /// (Stop-OutputCreation, Submit-OutputCreation, Connect-OperationsServer, per-call -BaseUri) against a
    /// live simulator whose journal must stay empty.
    /// </summary>
    public sealed class HostileInputTests
    {
        private const string UriSecret = "secret-in-uri";

        /// <summary>A hostile case: what it drives, and the parameter the refusal must name.</summary>
        private sealed record Case(string Parameter, Action<SimulatorServer, RecordingOutput> Run);

        private static ConnectionRequest PerCall(SimulatorServer sim) =>
            Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: OlCredential(sim));

        private static Case StopId(string? id) => new Case("OperationId", (sim, o) => RunStop(PerCall(sim), new SessionStore(), new[] { id }, o));

        private static Case ConfigId(string id) => new Case("ConfigId", (sim, o) => RunSubmit(PerCall(sim), new SessionStore(), id, new long[] { 1 }, o));

        private static Case JobId(long id) => new Case("JobId", (sim, o) => RunSubmit(PerCall(sim), new SessionStore(), "1001", new[] { id }, o));

        /// <summary>-BaseUri given per call to Stop-OutputCreation.</summary>
        private static Case CallBaseUri(Func<SimulatorServer, string> uri) => new Case("BaseUri", (sim, o) =>
        {
            var request = PerCall(sim);
            request.BaseUri = uri(sim);
            RunStop(request, new SessionStore(), new[] { "5001" }, o);
        });

        /// <summary>-BaseUri given to Connect-OperationsServer.</summary>
        private static Case ConnectBaseUri(Func<SimulatorServer, string> uri) => new Case("BaseUri", (sim, o) =>
        {
            var request = ConnectRequest(sim, credential: OlCredential(sim));
            request.BaseUri = uri(sim);
            ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), o, CancellationToken.None);
        });

        private static Case Connect(string parameter, Action<SimulatorServer, ConnectionRequest> change) => new Case(parameter, (sim, o) =>
        {
            var request = ConnectRequest(sim, credential: OlCredential(sim));
            change(sim, request);
            ConnectCommand.Connect(request, new ConnectOptions(), new SessionStore(), o, CancellationToken.None);
        });

        private static Case Call(string parameter, Action<SimulatorServer, ConnectionRequest> change) => new Case(parameter, (sim, o) =>
        {
            var request = PerCall(sim);
            change(sim, request);
            RunStop(request, new SessionStore(), new[] { "5001" }, o);
        });

        /// <summary>Stop-Job -Reason (BigChange): JobCancelEndpoint validates through ReasonValidator; tested here directly.</summary>
        private static Case Reason(string reason) => new Case("Reason", (_, _) => ReasonValidator.Validate("Reason", reason));

        private static readonly Dictionary<string, Case> Cases = new Dictionary<string, Case>
        {
            // Identifiers in the URL path (Stop-OutputCreation -OperationId).
            ["id: empty"] = StopId(""),
            ["id: null"] = StopId(null),
            ["id: space"] = StopId(" "),
            ["id: tab"] = StopId("\t"),
            ["id: dot"] = StopId("."),
            ["id: dot-dot"] = StopId(".."),
            ["id: slash"] = StopId("5001/../../admin"),
            ["id: leading dot-dot slash"] = StopId("../5001"),
            ["id: backslash"] = StopId("a\\b"),
            ["id: question mark"] = StopId("5001?force=true"),
            ["id: hash"] = StopId("5001#x"),
            ["id: %2F"] = StopId("a%2Fb"),
            ["id: %2f lower case"] = StopId("a%2fb"),
            ["id: %2e%2e"] = StopId("%2e%2e"),
            ["id: %20"] = StopId("a%20b"),
            ["id: NUL"] = StopId("a\0b"),
            ["id: LF"] = StopId("5001\nX-Injected: 1"),
            ["id: CR"] = StopId("a\rb"),
            ["id: DEL"] = StopId("a\u007fb"),
            ["id: NEL (C1 control)"] = StopId("a\u0085b"),
            ["id: leading space"] = StopId(" 5001"),
            ["id: trailing space"] = StopId("5001 "),
            // .NET Framework's Uri drops a segment's trailing dots: "abc." would cancel "abc" under Windows PowerShell.
            ["id: trailing dot"] = StopId("abc."),
            ["id: three dots"] = StopId("..."),
            ["id: trailing dots"] = StopId("5001.."),
            ["id: 257 characters"] = StopId(new string('7', IdValidator.MaximumLength + 1)),
            ["id: 100 000 characters"] = StopId(new string('x', 100_000)),
            // Preset in the URL path (Submit-OutputCreation -ConfigId).
            ["config: dot-dot"] = ConfigId(".."),
            ["config: slash"] = ConfigId("presets/1001"),
            ["config: empty"] = ConfigId(""),
            ["config: query"] = ConfigId("1001?x=1"),
            // OL Connect job IDs (the cmdlet binds long[]: "abc" fails in the binder with ParameterArgumentTransformationError).
            ["job: zero"] = JobId(0),
            ["job: negative"] = JobId(-1),
            ["job: long.MinValue"] = JobId(long.MinValue),
            // Per-call -BaseUri.
            ["call uri: relative"] = CallBaseUri(_ => "rest/serverengine"),
            ["call uri: rooted path"] = CallBaseUri(_ => "/rest/serverengine"),
            ["call uri: ftp"] = CallBaseUri(s => $"ftp://127.0.0.1:{s.BaseUri.Port}/"),
            ["call uri: file"] = CallBaseUri(_ => "file:///etc/passwd"),
            ["call uri: UNC"] = CallBaseUri(_ => @"\\server\share"),
            ["call uri: user info"] = CallBaseUri(s => $"http://ol-admin:{UriSecret}@127.0.0.1:{s.BaseUri.Port}/"),
            ["call uri: query"] = CallBaseUri(s => s.BaseUri + "?auth_token=" + UriSecret),
            ["call uri: fragment"] = CallBaseUri(s => s.BaseUri + "#x"),
            ["call uri: empty"] = CallBaseUri(_ => ""),
            ["call uri: whitespace"] = CallBaseUri(_ => "   "),
            ["call uri: not a uri"] = CallBaseUri(_ => "not a uri"),
            ["call uri: javascript"] = CallBaseUri(_ => "javascript:alert(1)"),
            ["call uri: user info and bad port"] = CallBaseUri(_ => $"http://ol-admin:{UriSecret}@127.0.0.1:99999/"),
            // Connect-OperationsServer -BaseUri.
            ["connect uri: relative"] = ConnectBaseUri(_ => "server:9340"),
            ["connect uri: user info"] = ConnectBaseUri(s => $"http://ol-admin:{UriSecret}@127.0.0.1:{s.BaseUri.Port}/"),
            ["connect uri: mailto"] = ConnectBaseUri(_ => "mailto:admin@example.com"),
            // Options and credentials.
            ["connect: TimeoutSec 0"] = Connect("TimeoutSec", (_, r) => r.TimeoutSec = 0),
            ["connect: MaximumRetryCount -1"] = Connect("MaximumRetryCount", (_, r) => r.MaximumRetryCount = -1),
            ["connect: RetryIntervalSec -1"] = Connect("RetryIntervalSec", (_, r) => r.RetryIntervalSec = -1),
            ["connect: CustomerId on OL Connect"] = Connect("CustomerId", (_, r) => r.CustomerId = 1),
            ["connect: empty user name"] = Connect("Credential", (_, r) => r.Credential = Connections.Credential("", "x")),
            ["connect: empty token"] = Connect("Token", (_, r) => { r.Credential = null; r.Token = Connections.Secret(""); }),
            ["connect: credential and token"] = Connect("Token", (_, r) => r.Token = Connections.Secret("t")),
            // Header values: CR/LF/NUL/other controls/non-ASCII never reach a header, where they could add a line or a request.
            ["connect: token with CRLF"] = Connect("Token", (_, r) => { r.Credential = null; r.Token = Connections.Secret("tok\r\nX-Evil: 1"); }),
            ["connect: UserAgent with LF"] = Connect("UserAgent", (_, r) => r.UserAgent = "Runbook/1\nX-Evil: 1"),
            ["connect: UserAgent non-ASCII"] = Connect("UserAgent", (_, r) => r.UserAgent = "Runbook/ü"),
            ["call: token with NUL"] = Call("Token", (_, r) => { r.Credential = null; r.Token = Connections.Secret("tok\0"); }),
            ["call: UserAgent with CR"] = Call("UserAgent", (_, r) => r.UserAgent = "Runbook/1\rX"),
            ["call: TimeoutSec -5"] = Call("TimeoutSec", (_, r) => r.TimeoutSec = -5),
            ["call: credential and token"] = Call("Token", (_, r) => r.Token = Connections.Secret("t")),
            ["call: credential without BaseUri"] = Call("Credential", (_, r) => r.BaseUri = null),
            ["call: CustomerId 0"] = Call("CustomerId", (_, r) => r.CustomerId = 0),
            // Stop-Job -Reason (BigChange limit: 500 characters).
            ["reason: 501 characters"] = Reason(new string('r', ReasonValidator.MaximumLength + 1)),
            ["reason: whitespace"] = Reason("   "),
            ["reason: control character"] = Reason("stop\u0007now"),
        };

        public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

        [Fact]
        public void There_are_at_least_30_distinct_cases() => Assert.True(Cases.Count >= 30, $"{Cases.Count} cases");

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Is_refused_before_any_request_naming_the_parameter(string name)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("5001");
            var hostile = Cases[name];
            var output = new RecordingOutput();

            var refusal = Refusal(() => hostile.Run(sim, output), output);

            var invalid = Assert.IsType<InputValidationException>(refusal);
            Assert.Equal(hostile.Parameter, invalid.ParameterName);
            Assert.Contains("-" + hostile.Parameter, invalid.Message);
            Assert.Equal(ErrorIds.InvalidParameter, invalid.ErrorId);
            Assert.Equal("InvalidArgument", invalid.Category);
            Assert.DoesNotContain(UriSecret, invalid.Message);
            Assert.True(invalid.Message.Length < 600, "the message stays readable even for a huge value");
            Assert.Empty(output.Objects);
            Assert.Equal(0, sim.Journal.Count);
        }

        /// <summary>Characters legal in an ID reach the server escaped and come back as the same ID.</summary>
        [Theory]
        [InlineData("with space", "with%20space")]
        [InlineData("a+b", "a%2Bb")]
        [InlineData("a&b", "a%26b")]
        [InlineData("a;b", "a%3Bb")]
        [InlineData("a=b", "a%3Db")]
        [InlineData("user@host", "user%40host")]
        [InlineData("urn:op:1", "urn%3Aop%3A1")]
        [InlineData("100%", "100%25")]
        [InlineData("a%zz", "a%25zz")]
        [InlineData("ünïcödé", "%C3%BCn%C3%AFc%C3%B6d%C3%A9")]
        [InlineData("日本", "%E6%97%A5%E6%9C%AC")]
        [InlineData("🙂", "%F0%9F%99%82")]
        [InlineData("a,b'c", "a%2Cb%27c")]
        [InlineData("~under_score-dash.dot", "~under_score-dash.dot")]
        public async Task Legal_characters_are_escaped_and_round_trip(string id, string expectedEscaped)
        {
            await using var sim = await SimulatorServer.StartAsync();
            var operation = sim.State.OlConnect.AddOperation(id);

            var output = RunStop(Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: OlCredential(sim)), new SessionStore(), new[] { id });

            Assert.Empty(output.Failures);
            Assert.Equal(id, output.Single<CancellationResult>().Id);
            var request = Assert.Single(sim.Journal.Snapshot());
            Assert.Equal("/rest/serverengine/workflow/outputcreation/cancel/" + expectedEscaped, request.Path);
            Assert.True(operation.Cancelled, "the server decoded the path to the same ID");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Tests.Simulator;
using OperationsModule.Simulator;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>
    /// The rows of the secret-leak test: ways to authenticate x cmdlet Core paths x server outcomes. Adding a
    /// system is one AuthRow per credential kind, one PathRow per cmdlet (and one for Connect's probe), and its
    /// login path, token expiry and error body shape below.
    /// </summary>
    internal static class LeakMatrix
    {
        /// <summary>
        /// How a run authenticates; ForCommand/ForConnect may connect (before faults are armed) and register the
        /// secrets they use. LogsIn: the module itself obtains a token, so the login-path outcomes apply.
        /// </summary>
        internal sealed record AuthRow(
            string Name,
            OperationsSystem System,
            bool LogsIn,
            Func<SimulatorServer, SessionStore, SecretScanner, Task<ConnectionRequest>> ForCommand,
            Func<SimulatorServer, SecretScanner, Task<ConnectionRequest>>? ForConnect);

        /// <summary>
        /// One cmdlet's Core path; FaultPath is the raw-path regex the outcome's fault targets. NotFoundSucceeds:
        /// Connect's probe asks for an unknown ID, so the system's own 404 is its success (the credentials worked).
        /// NeedsLogin: only a session that logged in has the path (a refresh token to revoke). FailsAsWarning: a
        /// failure there is a warning, not an error (the revocation on disconnect is best-effort).
        /// </summary>
        internal sealed record PathRow(string Name, OperationsSystem System, bool IsConnect, string FaultPath, Action<SimulatorServer, SessionStore, ConnectionRequest, RecordingOutput> Run,
            bool NotFoundSucceeds = false, bool NeedsLogin = false, bool FailsAsWarning = false);

        /// <summary>What the server does: null Fault is the success path. LoginPath aims the fault at the login call instead.</summary>
        internal sealed record Outcome(string Name, Func<OperationsSystem, FaultAction>? Fault, int TimeoutSec = 30, bool LoginPath = false, bool ExpireTokens = false);

        /// <summary>The calls that exchange a credential for a token (VCF's pattern also covers its refresh call).</summary>
        public static string LoginPath(OperationsSystem system) => system switch
        {
            OperationsSystem.OLConnect => "/authentication/login",
            OperationsSystem.Vcf => "/v1/tokens",
            OperationsSystem.BigChange => "/auth/tokens",
            _ => throw new ArgumentOutOfRangeException(nameof(system), system, "no login call"),
        };

        public static void ExpireTokens(SimulatorServer sim, OperationsSystem system)
        {
            switch (system)
            {
                case OperationsSystem.OLConnect: sim.State.OlConnect.ExpireTokens(); break;
                case OperationsSystem.Vcf: sim.State.Vcf.ExpireAccessTokens(); break;
                case OperationsSystem.BigChange: sim.State.BigChange.ExpireTokens(); break;
            }
        }

        private const long Customer = 4242;

        private static SecretCredential VcfCredential(SimulatorServer sim) => Connections.Credential(sim.Options.VcfUser, sim.Options.VcfPassword);

        private static SecretCredential BigChangeCredential(SimulatorServer sim) => Connections.Credential(sim.Options.BigChangeClientId, sim.Options.BigChangeClientSecret);

        /// <summary>A token obtained outside the module (what a user would pass to -Token); the journal starts empty afterwards.</summary>
        private static async Task<string> ExternalTokenAsync(SimulatorServer sim, Func<System.Net.Http.HttpClient, SimulatorServer, Task<string>> obtain, SecretScanner secrets)
        {
            using var http = SimTestClient.For(sim);
            var token = await obtain(http, sim);
            sim.Journal.Clear();
            secrets.Add(token);
            return token;
        }

        private static ConnectionRequest WithCustomer(ConnectionRequest request)
        {
            request.CustomerId = Customer;
            return request;
        }

        /// <summary>Connect-OperationsServer as the user would run it before the command under test.</summary>
        private static void ConnectFirst(SessionStore store, ConnectionRequest request) =>
            ConnectCommand.Connect(request, new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None);

        public static readonly AuthRow[] Auths =
        {
            new AuthRow("OLConnect Basic (per call -Credential)", OperationsSystem.OLConnect, LogsIn: false,
                (sim, _, secrets) =>
                {
                    secrets.AddCredential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);
                    return Task.FromResult(Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: OlCredential(sim)));
                },
                ForConnect: null),
            new AuthRow("OLConnect auth_token (-Token)", OperationsSystem.OLConnect, LogsIn: false,
                async (sim, _, secrets) =>
                {
                    var token = await OlLoginTokenAsync(sim);
                    secrets.Add(token);
                    return Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, token: Connections.Secret(token));
                },
                async (sim, secrets) =>
                {
                    var token = await OlLoginTokenAsync(sim);
                    secrets.Add(token);
                    return ConnectRequest(sim, token: Connections.Secret(token));
                }),
            new AuthRow("OLConnect login session (Connect -Credential)", OperationsSystem.OLConnect, LogsIn: true,
                (sim, store, secrets) =>
                {
                    secrets.AddCredential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);
                    Connect(sim, store);
                    return Task.FromResult(new ConnectionRequest(OperationsSystem.OLConnect));
                },
                (sim, secrets) =>
                {
                    secrets.AddCredential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);
                    return Task.FromResult(ConnectRequest(sim, credential: OlCredential(sim)));
                }),
            new AuthRow("Onedata X-Auth-Token (-Token)", OperationsSystem.Onedata, LogsIn: false,
                (sim, _, secrets) =>
                {
                    secrets.Add(sim.Options.OnedataToken);
                    return Task.FromResult(Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, token: Connections.Secret(sim.Options.OnedataToken)));
                },
                (sim, secrets) =>
                {
                    secrets.Add(sim.Options.OnedataToken);
                    return Task.FromResult(ConnectRequest(sim, OperationsSystem.Onedata, token: Connections.Secret(sim.Options.OnedataToken)));
                }),
            new AuthRow("Vcf /v1/tokens session (Connect -Credential)", OperationsSystem.Vcf, LogsIn: true,
                (sim, store, secrets) =>
                {
                    secrets.AddCredential(sim.Options.VcfUser, sim.Options.VcfPassword);
                    ConnectFirst(store, ConnectRequest(sim, OperationsSystem.Vcf, VcfCredential(sim)));
                    return Task.FromResult(new ConnectionRequest(OperationsSystem.Vcf));
                },
                (sim, secrets) =>
                {
                    secrets.AddCredential(sim.Options.VcfUser, sim.Options.VcfPassword);
                    return Task.FromResult(ConnectRequest(sim, OperationsSystem.Vcf, VcfCredential(sim)));
                }),
            new AuthRow("Vcf /v1/tokens per call (-Credential)", OperationsSystem.Vcf, LogsIn: true,
                (sim, _, secrets) =>
                {
                    secrets.AddCredential(sim.Options.VcfUser, sim.Options.VcfPassword);
                    return Task.FromResult(Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, credential: VcfCredential(sim)));
                },
                ForConnect: null),
            new AuthRow("Vcf Bearer (-Token)", OperationsSystem.Vcf, LogsIn: false,
                async (sim, _, secrets) =>
                {
                    var token = await ExternalTokenAsync(sim, SimTestClient.VcfTokenAsync, secrets);
                    return Connections.PerCall(OperationsSystem.Vcf, sim.BaseUri, token: Connections.Secret(token));
                },
                async (sim, secrets) =>
                {
                    var token = await ExternalTokenAsync(sim, SimTestClient.VcfTokenAsync, secrets);
                    return ConnectRequest(sim, OperationsSystem.Vcf, token: Connections.Secret(token));
                }),
            new AuthRow("BigChange client credentials session (Connect -Credential -CustomerId)", OperationsSystem.BigChange, LogsIn: true,
                (sim, store, secrets) =>
                {
                    secrets.AddCredential(sim.Options.BigChangeClientId, sim.Options.BigChangeClientSecret);
                    ConnectFirst(store, WithCustomer(ConnectRequest(sim, OperationsSystem.BigChange, BigChangeCredential(sim))));
                    return Task.FromResult(new ConnectionRequest(OperationsSystem.BigChange));
                },
                (sim, secrets) =>
                {
                    secrets.AddCredential(sim.Options.BigChangeClientId, sim.Options.BigChangeClientSecret);
                    return Task.FromResult(WithCustomer(ConnectRequest(sim, OperationsSystem.BigChange, BigChangeCredential(sim))));
                }),
            new AuthRow("BigChange Bearer (-Token)", OperationsSystem.BigChange, LogsIn: false,
                async (sim, _, secrets) =>
                {
                    var token = await ExternalTokenAsync(sim, SimTestClient.BigChangeTokenAsync, secrets);
                    return Connections.PerCall(OperationsSystem.BigChange, sim.BaseUri, token: Connections.Secret(token));
                },
                async (sim, secrets) =>
                {
                    var token = await ExternalTokenAsync(sim, SimTestClient.BigChangeTokenAsync, secrets);
                    return WithCustomer(ConnectRequest(sim, OperationsSystem.BigChange, token: Connections.Secret(token)));
                }),
        };

        public static readonly PathRow[] Paths =
        {
            new PathRow("Stop-OutputCreation", OperationsSystem.OLConnect, false, "/outputcreation/cancel/",
                (sim, store, request, output) => RunStop(request, store, new[] { sim.State.OlConnect.AddOperation().Id }, output)),
            new PathRow("Submit-OutputCreation", OperationsSystem.OLConnect, false, "/outputcreation/1001/jobs",
                (sim, store, request, output) => RunSubmit(request, store, "1001", new long[] { 1, 2 }, output)),
            new PathRow("Connect/Get/Disconnect-OperationsServer", OperationsSystem.OLConnect, true, "/getOperations", RunConnect),
            new PathRow("Stop-WorkflowExecution", OperationsSystem.Onedata, false, "/automation/execution/workflows/.*/cancel",
                (sim, store, request, output) =>
                {
                    sim.State.Onedata.AddExecution("wid-leak-1");
                    RunStop(WorkflowExecutionCancelEndpoint.Instance, request, store, "wid-leak-1", CancelArguments.None, output);
                }),
            new PathRow("Connect/Get/Disconnect-OperationsServer", OperationsSystem.Onedata, true, "/workflows/" + OnedataProfile.ProbeExecutionId, RunConnect, NotFoundSucceeds: true),
            new PathRow("Stop-Task", OperationsSystem.Vcf, false, "/v1/tasks/",
                (sim, store, request, output) =>
                {
                    sim.State.Vcf.AddTask("7e1c2eee-3177-4e3b-84db-bfebc83f386a");
                    RunStop(TaskCancelEndpoint.Instance, request, store, "7e1c2eee-3177-4e3b-84db-bfebc83f386a", CancelArguments.None, output);
                }),
            new PathRow("Connect/Get/Disconnect-OperationsServer", OperationsSystem.Vcf, true, "/v1/tasks/" + VcfProfile.ProbeTaskId, RunConnect, NotFoundSucceeds: true),
            new PathRow("Disconnect-OperationsServer revoking the refresh token", OperationsSystem.Vcf, true, "/v1/tokens/refresh-token", RunConnect, NeedsLogin: true, FailsAsWarning: true),
            new PathRow("Stop-Job", OperationsSystem.BigChange, false, "/v1/jobs/.*/cancel",
                (sim, store, request, output) =>
                {
                    sim.State.BigChange.AddJob(7);
                    // Per call the user types -CustomerId; a session already carries it.
                    var arguments = new CancelArguments { Reason = "Customer rescheduled", CustomerId = request.BaseUri is null ? null : Customer };
                    RunStop(JobCancelEndpoint.Instance, request, store, "7", arguments, output);
                }),
            new PathRow("Connect/Get/Disconnect-OperationsServer", OperationsSystem.BigChange, true, "/v1/jobs/" + BigChangeProfile.ProbeJobId, RunConnect, NotFoundSucceeds: true),
        };

        /// <summary>An error body in the system's own shape, so its parser (and the message built from it) is exercised.</summary>
        private static string ErrorBody(OperationsSystem system, int status) => system switch
        {
            OperationsSystem.Onedata => "{\"error\":{\"id\":\"" + OnedataId(status) + "\",\"description\":\"The server refused the call.\",\"details\":{}}}",
            OperationsSystem.Vcf => "{\"errorCode\":\"REFUSED_" + status + "\",\"errorType\":\"ERROR\",\"message\":\"The server refused the call.\",\"remediationMessage\":\"Try again.\",\"referenceToken\":\"REF" + status + "\"}",
            OperationsSystem.BigChange => "{\"type\":\"about:blank\",\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"The server refused the call.\",\"traceId\":\"00-trace-" + status + "\"}",
            _ => "{\"error\":{\"status\":" + status + ",\"message\":\"The server refused the call.\",\"parameter\":\"\"}}",
        };

        private static string OnedataId(int status) => status switch
        {
            400 => "badValueString",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "notFound",
            _ => "internalServerError",
        };

        private static Func<OperationsSystem, FaultAction> Status(int code, string? retryAfter = null) =>
            system => FaultAction.Status(code, retryAfter, ErrorBody(system, code), system == OperationsSystem.BigChange ? "application/problem+json" : null);

        public static readonly Outcome[] Outcomes =
        {
            new Outcome("success", null),
            new Outcome("400", Status(400)),
            new Outcome("400 in Onedata's flat spec shape", _ => FaultAction.Status(400, body: "{\"error\":\"invalid_token\",\"error_description\":\"Provided token could not be validated.\"}")),
            new Outcome("403 naming a missing scope", _ => FaultAction.Status(403, body: "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"The access token lacks the jobs:write scope.\"}", contentType: "application/problem+json")),
            new Outcome("401 (renewal then failure)", Status(401)),
            new Outcome("403", Status(403)),
            new Outcome("404", Status(404)),
            new Outcome("409", Status(409)),
            new Outcome("422", Status(422)),
            new Outcome("429 + Retry-After", Status(429, "1")),
            new Outcome("500", Status(500)),
            new Outcome("502", Status(502)),
            new Outcome("503 + Retry-After", Status(503, "1")),
            new Outcome("504", Status(504)),
            new Outcome("HTML error page", _ => FaultAction.HtmlError(502)),
            new Outcome("malformed JSON", _ => FaultAction.MalformedJson(500)),
            new Outcome("JSON not an object", _ => FaultAction.NotAnObjectJson(500)),
            new Outcome("wrong content type", _ => FaultAction.WrongContentType(404)),
            new Outcome("cross-origin redirect", _ => FaultAction.Redirect(307, "http://127.0.0.2:9/elsewhere")),
            new Outcome("connection reset", _ => FaultAction.ConnectionReset()),
            new Outcome("huge error body", _ => FaultAction.HugeBody(500, 2 * 1024 * 1024)),
            new Outcome("timeout", _ => FaultAction.NeverAnswer(), TimeoutSec: 1),
            new Outcome("expired token, login refused", Status(401), LoginPath: true, ExpireTokens: true),
            new Outcome("expired token, login answers 400", Status(400), LoginPath: true, ExpireTokens: true),
            new Outcome("expired token, login answers 500", Status(500), LoginPath: true, ExpireTokens: true),
        };

        /// <summary>Connect (with -PassThru), Get, then Disconnect, all writing to the same captured output.</summary>
        private static void RunConnect(SimulatorServer sim, SessionStore store, ConnectionRequest request, RecordingOutput output)
        {
            var session = ConnectCommand.Connect(request, new ConnectOptions { PassThru = true }, store, output, CancellationToken.None);
            if (session is null) return;
            foreach (var listed in store.All()) output.WriteObject(listed);
            DisconnectCommand.Disconnect((IReadOnlyCollection<OperationsSystem>?)null, store, output);
        }

        /// <summary>Login-path outcomes only where the module logs in itself; elsewhere there is no login to fail.</summary>
        public static IEnumerable<object[]> Cases() =>
            from auth in Auths
            from path in Paths
            where path.System == auth.System && (!path.IsConnect || auth.ForConnect is not null) && (!path.NeedsLogin || auth.LogsIn)
            from outcome in Outcomes
            where !outcome.LoginPath || auth.LogsIn
            select new object[] { auth.Name, path.Name, outcome.Name };
    }
}

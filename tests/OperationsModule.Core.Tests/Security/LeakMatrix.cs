using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>
    /// The rows of the secret-leak test: ways to authenticate x cmdlet Core paths x server outcomes. Adding a
    /// system is one AuthRow per credential kind and one PathRow per cmdlet (see the EXTENSION markers).
    /// </summary>
    internal static class LeakMatrix
    {
        /// <summary>How a run authenticates; Prepare may connect (before faults are armed) and registers the secrets it uses.</summary>
        internal sealed record AuthRow(
            string Name,
            OperationsSystem System,
            Func<SimulatorServer, SessionStore, SecretScanner, Task<ConnectionRequest>> ForCommand,
            Func<SimulatorServer, SecretScanner, Task<ConnectionRequest>>? ForConnect);

        /// <summary>One cmdlet's Core path; FaultPath is the raw-path regex the outcome's fault targets.</summary>
        internal sealed record PathRow(string Name, OperationsSystem System, bool IsConnect, string FaultPath, Action<SimulatorServer, SessionStore, ConnectionRequest, RecordingOutput> Run);

        /// <summary>What the server does: null Fault is the success path. LoginPath aims the fault at the login call instead.</summary>
        internal sealed record Outcome(string Name, Func<FaultAction>? Fault, int TimeoutSec = 30, bool LoginPath = false, Action<SimulatorServer>? Before = null);


        public static readonly AuthRow[] Auths =
        {
            new AuthRow("OLConnect Basic (per call -Credential)", OperationsSystem.OLConnect,
                (sim, _, secrets) =>
                {
                    secrets.AddCredential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);
                    return Task.FromResult(Connections.PerCall(OperationsSystem.OLConnect, sim.BaseUri, credential: OlCredential(sim)));
                },
                ForConnect: null),
            new AuthRow("OLConnect auth_token (-Token)", OperationsSystem.OLConnect,
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
            new AuthRow("OLConnect login session (Connect -Credential)", OperationsSystem.OLConnect,
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
            // ---- EXTENSION rows (issue 3 adds these once the profiles and endpoints exist) ----
            // new AuthRow("Onedata X-Auth-Token (-Token)", OperationsSystem.Onedata, (sim, _, s) => { s.Add(sim.Options.OnedataToken); return Task.FromResult(Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, token: Connections.Secret(sim.Options.OnedataToken))); }, (sim, s) => { s.Add(sim.Options.OnedataToken); return Task.FromResult(ConnectRequest(sim, OperationsSystem.Onedata, token: Connections.Secret(sim.Options.OnedataToken))); }),
            // new AuthRow("Vcf /v1/tokens session (Connect -Credential)", OperationsSystem.Vcf, (sim, store, s) => { s.AddCredential(sim.Options.VcfUser, sim.Options.VcfPassword); ConnectCommand.Connect(ConnectRequest(sim, OperationsSystem.Vcf, Connections.Credential(sim.Options.VcfUser, sim.Options.VcfPassword)), new ConnectOptions(), store, new RecordingOutput(), default); return Task.FromResult(new ConnectionRequest(OperationsSystem.Vcf)); }, (sim, s) => { s.AddCredential(sim.Options.VcfUser, sim.Options.VcfPassword); return Task.FromResult(ConnectRequest(sim, OperationsSystem.Vcf, Connections.Credential(sim.Options.VcfUser, sim.Options.VcfPassword))); }),
            // new AuthRow("BigChange client credentials (Connect -Credential -CustomerId)", OperationsSystem.BigChange, ... s.AddCredential(sim.Options.BigChangeClientId, sim.Options.BigChangeClientSecret) ...),
        };

        public static readonly PathRow[] Paths =
        {
            new PathRow("Stop-OutputCreation", OperationsSystem.OLConnect, false, "/outputcreation/cancel/",
                (sim, store, request, output) => RunStop(request, store, new[] { sim.State.OlConnect.AddOperation().Id }, output)),
            new PathRow("Submit-OutputCreation", OperationsSystem.OLConnect, false, "/outputcreation/1001/jobs",
                (sim, store, request, output) => RunSubmit(request, store, "1001", new long[] { 1, 2 }, output)),
            new PathRow("Connect/Get/Disconnect-OperationsServer", OperationsSystem.OLConnect, true, "/getOperations", RunConnect),
            // ---- EXTENSION rows (issue 3): one per cmdlet, e.g. ----
            // new PathRow("Stop-WorkflowExecution", OperationsSystem.Onedata, false, "/atm_workflow_executions/.*/cancel", (sim, store, request, output) => RunStop(OnedataEndpoint, request, store, new[] { seededId }, output)),
            // new PathRow("Stop-Task", OperationsSystem.Vcf, false, "/v1/tasks/", ...),
            // new PathRow("Stop-Job", OperationsSystem.BigChange, false, "/v1/jobs/.*/cancel", ...),
            // new PathRow("Connect/Get/Disconnect-OperationsServer", OperationsSystem.Vcf, true, "<the Vcf verification probe path>", RunConnect),
        };

        private const string OlError = "{\"error\":{\"status\":STATUS,\"message\":\"The server refused the call.\",\"parameter\":\"\"}}";

        private static Func<FaultAction> Status(int code, string? retryAfter = null) =>
            () => FaultAction.Status(code, retryAfter, OlError.Replace("STATUS", code.ToString()));

        public static readonly Outcome[] Outcomes =
        {
            new Outcome("success", null),
            new Outcome("400", Status(400)),
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
            new Outcome("HTML error page", () => FaultAction.HtmlError(502)),
            new Outcome("malformed JSON", () => FaultAction.MalformedJson(500)),
            new Outcome("JSON not an object", () => FaultAction.NotAnObjectJson(500)),
            new Outcome("wrong content type", () => FaultAction.WrongContentType(404)),
            new Outcome("cross-origin redirect", () => FaultAction.Redirect(307, "http://127.0.0.2:9/elsewhere")),
            new Outcome("connection reset", FaultAction.ConnectionReset),
            new Outcome("huge error body", () => FaultAction.HugeBody(500, 2 * 1024 * 1024)),
            new Outcome("timeout", FaultAction.NeverAnswer, TimeoutSec: 1),
            new Outcome("expired token, login refused", Status(401), LoginPath: true, Before: sim => sim.State.OlConnect.ExpireTokens()),
            new Outcome("expired token, login answers 500", Status(500), LoginPath: true, Before: sim => sim.State.OlConnect.ExpireTokens()),
        };

        /// <summary>Connect (with -PassThru), Get, then Disconnect, all writing to the same captured output.</summary>
        private static void RunConnect(SimulatorServer sim, SessionStore store, ConnectionRequest request, RecordingOutput output)
        {
            var session = ConnectCommand.Connect(request, new ConnectOptions { PassThru = true }, store, output, CancellationToken.None);
            if (session is null) return;
            foreach (var listed in store.All()) output.WriteObject(listed);
            DisconnectCommand.Disconnect((IReadOnlyCollection<OperationsSystem>?)null, store, output);
        }

        public static IEnumerable<object[]> Cases() =>
            from auth in Auths
            from path in Paths
            where path.System == auth.System && (!path.IsConnect || auth.ForConnect is not null)
            from outcome in Outcomes
            select new object[] { auth.Name, path.Name, outcome.Name };
    }
}

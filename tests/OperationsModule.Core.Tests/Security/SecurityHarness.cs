using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>Drives the Core paths of the cmdlets the way the cmdlet adapters do, against the simulator.</summary>
    internal static class SecurityHarness
    {
        public static SecretCredential OlCredential(SimulatorServer sim) =>
            Connections.Credential(sim.Options.OlConnectUser, sim.Options.OlConnectPassword);

        /// <summary>What Connect-OperationsServer -System x -BaseUri sim [-Credential|-Token] would bind (loopback http needs the switch).</summary>
        public static ConnectionRequest ConnectRequest(SimulatorServer sim, OperationsSystem system = OperationsSystem.OLConnect, SecretCredential? credential = null, SecretText? token = null, int timeoutSec = 30) =>
            new ConnectionRequest(system)
            {
                BaseUri = sim.BaseUri.AbsoluteUri,
                Credential = credential,
                Token = token,
                AllowUnencryptedAuthentication = sim.BaseUri.Scheme == "http",
                MaximumRetryCount = 0,
                RetryIntervalSec = 0,
                TimeoutSec = timeoutSec,
                // Connect refuses BigChange without its customer: the one it requires on every call.
                CustomerId = system == OperationsSystem.BigChange ? sim.Options.BigChangeCustomerId : null,
            };

        public static OperationsSession Connect(SimulatorServer sim, SessionStore store, RecordingOutput? output = null, SecretCredential? credential = null, SecretText? token = null) =>
            ConnectCommand.Connect(ConnectRequest(sim, credential: credential ?? (token is null ? OlCredential(sim) : null), token: token),
                new ConnectOptions(), store, output ?? new RecordingOutput(), CancellationToken.None)!;

        /// <summary>Stop-OutputCreation: every ID through validation, ShouldProcess and the bulk engine.</summary>
        public static RecordingOutput RunStop(ConnectionRequest request, SessionStore store, IEnumerable<string?> ids, RecordingOutput? output = null, int throttle = 4)
        {
            output ??= new RecordingOutput();
            var plan = new ConnectionPlan(request, store);
            using var command = new StopCommand(OutputCreationCancelEndpoint.Instance, plan, throttle, output, CancellationToken.None);
            foreach (var id in ids)
            {
                command.Process(id);
                command.Flush();
            }
            command.Complete();
            return output;
        }

        /// <summary>Any Stop-* cmdlet: one piped ID with its arguments through validation, ShouldProcess and the bulk engine.</summary>
        public static RecordingOutput RunStop(ICancelEndpoint endpoint, ConnectionRequest request, SessionStore store, string id, CancelArguments arguments, RecordingOutput output)
        {
            var plan = new ConnectionPlan(request, store);
            using var command = new StopCommand(endpoint, plan, 4, output, CancellationToken.None);
            command.Process(id, arguments);
            command.Complete();
            return output;
        }

        /// <summary>Submit-OutputCreation: job IDs of every piped item, one request at the end.</summary>
        public static RecordingOutput RunSubmit(ConnectionRequest request, SessionStore store, string? configId, IEnumerable<long> jobIds, RecordingOutput? output = null)
        {
            output ??= new RecordingOutput();
            using var plan = new ConnectionPlan(request, store);
            using var command = new SubmitOutputCreationCommand(plan.For(null), configId, createOnly: true, output, CancellationToken.None);
            if (command.ConfigProblem is { } problem) throw problem;
            command.Add(jobIds);
            command.Complete();
            return output;
        }

        /// <summary>A login token obtained outside the module (what a user would pass to -Token).</summary>
        public static async Task<string> OlLoginTokenAsync(SimulatorServer sim)
        {
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
            using var http = new HttpClient(handler) { BaseAddress = sim.BaseUri };
            using var request = new HttpRequestMessage(HttpMethod.Post, "rest/serverengine/authentication/login");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Base64(sim.Options.OlConnectUser + ":" + sim.Options.OlConnectPassword));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadAsStringAsync()).Trim();
            sim.Journal.Clear();
            return token;
        }

        public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        public static int Logins(SimulatorServer sim) => sim.Journal.For("/authentication/login").Count();

        /// <summary>The exception a refused input produced, whether thrown (terminating) or written (per item).</summary>
        public static OperationsApiException? Refusal(Action run, RecordingOutput output)
        {
            try
            {
                run();
            }
            catch (OperationsApiException ex)
            {
                return ex;
            }
            return output.Failures.Select(f => f.Exception).FirstOrDefault();
        }
    }
}

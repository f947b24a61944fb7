using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.Shared.StopRun;

namespace OperationsModule.Core.Tests.Conformance
{
    /// <summary>
    /// Every request the module sends to Onedata and VCF, as the simulator's journal recorded it, against the vendor's
    /// spec (VendorSpecs): a known operation, its auth header, and a body of the documented media type and schema.
    /// </summary>
    public sealed class ModuleRequestConformanceTests
    {
        /// <summary>Connect (probe), Stop-WorkflowExecution, Disconnect: everything the module does on Oneprovider.</summary>
        private static void DriveOnedata(SimulatorServer sim)
        {
            sim.State.Onedata.AddExecution("11a53ed06d175c89bc3ed5be61f8217cch1890");
            var store = new SessionStore();
            var request = Connections.PerCall(OperationsSystem.Onedata, sim.BaseUri, token: Connections.Secret(sim.Options.OnedataToken));
            var session = ConnectCommand.Connect(request, new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None)!;
            AssertSucceeded(Run(WorkflowExecutionCancelEndpoint.Instance, WithSession(session), "11a53ed06d175c89bc3ed5be61f8217cch1890"));
            DisconnectCommand.Disconnect(session, store, new RecordingOutput());
        }

        /// <summary>Connect with a login (token + probe), Stop-Task, a refresh after expiry, Disconnect (revocation).</summary>
        private static void DriveVcf(SimulatorServer sim)
        {
            sim.State.Vcf.AddTasks(new[] { "7e1c2eee-3177-4e3b-84db-bfebc83f386a", "7e1c2eee-3177-4e3b-84db-bfebc83f386b" });
            var store = new SessionStore();
            var session = ConnectCommand.Connect(Systems.Vcf.StopTaskTests.WithLogin(sim), new ConnectOptions(), store, new RecordingOutput(), CancellationToken.None)!;
            AssertSucceeded(Run(TaskCancelEndpoint.Instance, WithSession(session), "7e1c2eee-3177-4e3b-84db-bfebc83f386a"));
            sim.State.Vcf.ExpireAccessTokens();
            AssertSucceeded(Run(TaskCancelEndpoint.Instance, WithSession(session), "7e1c2eee-3177-4e3b-84db-bfebc83f386b"));
            var output = new RecordingOutput();
            DisconnectCommand.Disconnect(session, store, output);
            Assert.Empty(output.Warnings);
        }

        private static void AssertSucceeded(RecordingOutput output) =>
            Assert.True(output.Failures.IsEmpty, string.Join(" | ", output.Failures.Select(f => f.Exception.Message)));

        [Theory]
        [InlineData("Onedata")]
        [InlineData("Vcf")]
        public async System.Threading.Tasks.Task Every_request_the_module_sends_is_a_documented_operation_in_its_documented_form(string system)
        {
            await using var sim = await SimulatorServer.StartAsync();
            if (system == "Onedata") DriveOnedata(sim);
            else DriveVcf(sim);

            var problems = new List<string>();
            var seen = new HashSet<string>();
            foreach (var request in sim.Journal.Snapshot())
            {
                var operation = VendorSpecs.Find(request.Method, request.Path);
                if (operation is null)
                {
                    problems.Add($"{request.Method} {request.Path}: no such operation in the {system} spec");
                    continue;
                }
                seen.Add(operation.OperationId);
                problems.AddRange(RequestProblems(operation, request).Select(p => $"{operation.OperationId} ({request.Method} {request.Path}): {p}"));
            }

            Assert.Empty(problems);
            // Every operation of the table was exercised, so none of its facts goes unchecked.
            Assert.Equal(VendorSpecs.All.Where(o => o.System == system).Select(o => o.OperationId).OrderBy(x => x), seen.OrderBy(x => x));
        }

        internal static IEnumerable<string> RequestProblems(SpecOperation operation, RecordedRequest request)
        {
            if (operation.AuthHeaders.Count > 0 && !operation.AuthHeaders.Any(h => request.Headers.ContainsKey(h)))
                yield return $"none of the spec's auth headers ({string.Join(", ", operation.AuthHeaders)})";
            request.Headers.TryGetValue("Content-Type", out var contentType);
            if (operation.RequestBody is null)
            {
                if (request.Body.Length > 0 || contentType is not null) yield return $"a body ({contentType}) where the spec has none";
                yield break;
            }
            var mediaType = contentType?.Split(';')[0].Trim();
            if (mediaType != operation.RequestMediaType) yield return $"Content-Type {contentType ?? "(none)"} where the spec says {operation.RequestMediaType}";
            foreach (var problem in operation.RequestBody.Problems(request.Body)) yield return problem;
        }

        [Fact]
        public void The_check_itself_catches_a_request_that_strays_from_the_spec()
        {
            var headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" };
            var wrongType = new RecordedRequest("PATCH", "/v1/tokens/access-token/refresh", "", headers, "{\"id\":\"x\"}", default);
            var bodyOnCancel = new RecordedRequest("POST", "/api/v3/oneprovider/automation/execution/workflows/w/cancel", "",
                new Dictionary<string, string> { ["Content-Type"] = "application/json" }, "{}", default);

            Assert.Equal(2, RequestProblems(VendorSpecs.RefreshAccessToken, wrongType).Count());
            Assert.Equal(2, RequestProblems(VendorSpecs.CancelWorkflowExecution, bodyOnCancel).Count()); // no auth header, a body
            Assert.Null(VendorSpecs.Find("POST", "/v1/tasks/x"));
            Assert.Same(VendorSpecs.CancelTask, VendorSpecs.Find("DELETE", "/v1/tasks/7e1c"));
        }
    }
}

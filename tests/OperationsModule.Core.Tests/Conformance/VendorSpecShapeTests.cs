using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.Core.Tests.Conformance
{
    /// <summary>
    /// The list and read requests, and the answer fields they rely on, checked against the vendors' own OpenAPI
    /// documents (read at test time from shared/specs beside the repository, or $OPERATIONSMODULE_SPECS; never copied in).
    /// </summary>
    public sealed class VendorSpecShapeTests
    {
        private static readonly Uri Base = new Uri("https://vendor.example/");

        private static JsonDocument Spec(string file)
        {
            var candidates = new List<string>();
            if (Environment.GetEnvironmentVariable("OPERATIONSMODULE_SPECS") is { Length: > 0 } configured) candidates.Add(configured);
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, "shared", "specs"));
            var folder = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, file)))
                ?? throw new InvalidOperationException($"{file} was not found in shared/specs above {AppContext.BaseDirectory}; set OPERATIONSMODULE_SPECS to the folder holding the vendors' OpenAPI documents.");
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
        }

        /// <summary>The spec operation whose path template matches the request path (after the base path), and its query parameter names.</summary>
        private static (string Template, JsonElement Operation) Operation(JsonElement spec, string basePath, ApiRequest request)
        {
            var path = request.Uri.AbsolutePath.Substring(basePath.TrimEnd('/').Length);
            foreach (var entry in spec.GetProperty("paths").EnumerateObject())
            {
                var pattern = "^" + Regex.Replace(Regex.Escape(entry.Name), @"\\\{[^}]+}", "[^/]+") + "$";
                if (Regex.IsMatch(path, pattern) && entry.Value.TryGetProperty(request.Method.Method.ToLowerInvariant(), out var operation))
                    return (entry.Name, operation);
            }
            throw new Xunit.Sdk.XunitException($"No {request.Method.Method} {path} in the vendor's spec.");
        }

        private static string[] QueryNames(ApiRequest request) =>
            request.Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToArray();

        private static string[] DeclaredQuery(JsonElement operation) =>
            operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToArray();

        private static string[] Properties(JsonDocument spec, string schemaPath)
        {
            var node = spec.RootElement;
            foreach (var part in schemaPath.Split('/')) node = node.GetProperty(part);
            return node.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        }

        [Fact]
        public void The_VCF_list_and_read_calls_are_in_the_spec_with_the_query_names_it_declares()
        {
            using var spec = Spec("vcf.json");
            using var connection = Connections.Resolve(Connections.PerCall(OperationsSystem.Vcf, Base, token: Connections.Secret("t")));
            var list = new VcfTaskPageSource(connection, new VcfTaskFilter(new[] { "IN_PROGRESS" }, "upgrade", "UPGRADE")).BuildRequest(PageCursor.ForNumber(2));
            var read = VcfTaskItemReader.Instance.BuildRequest(connection.Session, "7e1c2eee-3177-4e3b-84db-bfebc83f386a");

            var (listPath, listOperation) = Operation(spec.RootElement, "/", list);
            var (readPath, _) = Operation(spec.RootElement, "/", read);

            Assert.Equal(("/v1/tasks", "/v1/tasks/{id}"), (listPath, readPath));
            Assert.Equal(new[] { "taskStatus", "taskType", "taskName", "pageSize", "pageNumber" }, QueryNames(list));
            Assert.All(QueryNames(list), name => Assert.Contains(name, DeclaredQuery(listOperation)));
        }

        [Fact]
        public void The_VCF_answer_fields_the_module_reads_are_the_specs()
        {
            using var spec = Spec("vcf.json");

            Assert.Equal(new[] { "elements", "pageMetadata" }, Properties(spec, "components/schemas/PageOfTask"));
            Assert.Subset(Properties(spec, "components/schemas/PageMetadata").ToHashSet(), new HashSet<string> { "pageNumber", "pageSize", "totalElements", "totalPages" });
            Assert.Subset(Properties(spec, "components/schemas/Task").ToHashSet(),
                new HashSet<string> { "id", "name", "type", "status", "creationTimestamp", "completionTimestamp", "isCancellable", "isRetryable", "resolutionStatus" });
        }

        [Fact]
        public void The_Onedata_list_and_read_calls_are_in_the_spec_with_its_query_names_and_phases()
        {
            using var spec = Spec("onedata.json");
            var basePath = spec.RootElement.GetProperty("basePath").GetString()!;
            using var connection = Connections.Resolve(Connections.PerCall(OperationsSystem.Onedata, Base, token: Connections.Secret("t")));
            var list = new WorkflowExecutionPageSource(connection, "s-1", "ended").BuildRequest(PageCursor.ForToken("next"));
            var read = WorkflowExecutionItemReader.Instance.BuildRequest(connection.Session, "wid-1");

            var (listPath, listOperation) = Operation(spec.RootElement, basePath, list);
            var (readPath, _) = Operation(spec.RootElement, basePath, read);

            Assert.Equal(("/spaces/{sid}/automation/execution/workflows", "/automation/execution/workflows/{wid}"), (listPath, readPath));
            Assert.Equal(new[] { "phase", "limit", "token" }, QueryNames(list));
            Assert.All(QueryNames(list), name => Assert.Contains(name, DeclaredQuery(listOperation)));
            var phase = listOperation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "phase");
            Assert.Equal(phase.GetProperty("enum").EnumerateArray().Select(e => e.GetString()), WorkflowExecutionStates.Phases);
            Assert.Equal(WorkflowExecutionStates.DefaultPhase, phase.GetProperty("default").GetString());
            var limit = listOperation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
            Assert.Equal(WorkflowExecutionPageSource.Limit, limit.GetProperty("maximum").GetInt32());
        }

        [Fact]
        public void The_Onedata_answer_fields_the_module_reads_are_the_specs()
        {
            using var spec = Spec("onedata.json");
            var listAnswer = spec.RootElement.GetProperty("paths").GetProperty("/spaces/{sid}/automation/execution/workflows").GetProperty("get")
                .GetProperty("responses").GetProperty("200").GetProperty("schema").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

            Assert.Subset(listAnswer, new HashSet<string> { "atmWorkflowExecutions", "isLast", "nextPageToken" });
            Assert.Subset(Properties(spec, "definitions/AtmWorkflowExecutionDetails").ToHashSet(),
                new HashSet<string> { "atmWorkflowExecutionId", "atmWorkflowSchemaSnapshotId", "name", "spaceId", "userId", "status", "scheduleTime", "startTime", "suspendTime", "finishTime" });
        }
    }
}

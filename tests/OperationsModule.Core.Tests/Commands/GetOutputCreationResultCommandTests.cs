using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.OLConnect.OutputCreationFixture;

namespace OperationsModule.Core.Tests.Commands
{
    public sealed class GetOutputCreationResultCommandTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "om-result-" + Guid.NewGuid().ToString("N"));

        public GetOutputCreationResultCommandTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task Paths_come_from_POST_getResultTxt_one_result_per_item()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", progress: 100);
            sim.State.OlConnect.AddOperation("op-2", progress: 100);
            var output = new RecordingOutput();
            using var command = new GetOutputCreationResultCommand(Plan(sim), null, output, CancellationToken.None);

            await Task.Run(() =>
            {
                command.Process(null, "op-1");
                command.Process(Operation(sim, "op-2"), null);
            });

            var results = output.Objects.Cast<OutputCreationResult>().ToList();
            Assert.Equal(new[] { "op-1", "op-2" }, results.Select(r => r.OperationId));
            Assert.Equal(new[] { "/var/olconnect/output/op-1/out.pdf" }, results[0].Paths);
            Assert.Null(results[0].OutFile);
            Assert.Equal(new[] { "POST getResultTxt/op-1", "POST getResultTxt/op-2" }, Calls(sim));
        }

        [Fact]
        public async Task OutFile_saves_the_bytes_of_POST_getResult()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", jobIds: new long[] { 4, 5 }, progress: 100);
            var output = new RecordingOutput();
            var file = Path.Combine(_folder, "invoice.pdf");
            using var command = new GetOutputCreationResultCommand(Plan(sim), file, output, CancellationToken.None);

            await Task.Run(() => command.Process(null, "op-1"));

            var result = output.Single<OutputCreationResult>();
            Assert.Equal(file, result.OutFile);
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(bytes.LongLength, result.Length);
            Assert.StartsWith("%PDF-1.4", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
            Assert.Contains("operation op-1, jobs 4,5", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
            Assert.Equal("application/octet-stream", result.ContentType);
            Assert.Equal(new[] { "POST getResult/op-1" }, Calls(sim));
        }

        [Fact]
        public async Task A_directory_receives_one_file_per_operation_and_one_file_name_refuses_a_second_operation()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", progress: 100);
            sim.State.OlConnect.AddOperation("op-2", progress: 100);
            var intoFolder = new RecordingOutput();
            using (var command = new GetOutputCreationResultCommand(Plan(sim), _folder, intoFolder, CancellationToken.None))
                await Task.Run(() => { command.Process(null, "op-1"); command.Process(null, "op-2"); });
            var oneName = new RecordingOutput();
            using (var command = new GetOutputCreationResultCommand(Plan(sim), Path.Combine(_folder, "same.pdf"), oneName, CancellationToken.None))
                await Task.Run(() => { command.Process(null, "op-1"); command.Process(null, "op-2"); });

            Assert.Equal(new[] { Path.Combine(_folder, "op-1.pdf"), Path.Combine(_folder, "op-2.pdf") }, intoFolder.Objects.Cast<OutputCreationResult>().Select(r => r.OutFile));
            Assert.True(File.Exists(Path.Combine(_folder, "op-2.pdf")));
            Assert.Single(oneName.Objects);
            var failure = Assert.Single(oneName.Failures);
            Assert.Equal(ErrorIds.InvalidParameter, failure.ErrorId);
            Assert.Contains("-OutFile", failure.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("op-1", File.ReadAllText(Path.Combine(_folder, "same.pdf")), StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_unwritable_OutFile_is_an_OutFileFailed_error()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", progress: 100);
            var output = new RecordingOutput();
            using var command = new GetOutputCreationResultCommand(Plan(sim), Path.Combine(_folder, "no-such-dir", "x.pdf"), output, CancellationToken.None);

            await Task.Run(() => command.Process(null, "op-1"));

            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.OutFileFailed, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.WriteError, failure.Category);
            Assert.Equal("op-1", failure.TargetObject);
        }

        [Theory]
        [InlineData("running", 409, "Conflict")]
        [InlineData("missing", 404, "NotFound")]
        public async Task An_operation_without_a_result_is_a_classified_error(string id, int status, string errorId)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("running", progress: 50);
            var output = new RecordingOutput();
            using var command = new GetOutputCreationResultCommand(Plan(sim), null, output, CancellationToken.None);

            await Task.Run(() => command.Process(null, id));

            var failure = Assert.Single(output.Failures);
            Assert.Equal(errorId, failure.ErrorId);
            Assert.Equal(status, failure.Exception.StatusCode);
            Assert.Equal("POST", failure.Exception.Method);
            Assert.Equal(id, failure.TargetObject);
            Assert.Empty(output.Objects);
        }

        [Fact]
        public async Task A_text_answer_to_getResult_is_saved_with_a_warning_that_it_lists_paths()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", progress: 100);
            sim.Faults.Add(FaultAction.Status(200, body: "/out/a.pdf\n/out/b.pdf", contentType: "text/plain"), "POST", "getResult/");
            var output = new RecordingOutput();
            using var command = new GetOutputCreationResultCommand(Plan(sim), _folder, output, CancellationToken.None);

            await Task.Run(() => command.Process(null, "op-1"));

            Assert.Equal(Path.Combine(_folder, "op-1.txt"), output.Single<OutputCreationResult>().OutFile);
            Assert.Contains("several files", Assert.Single(output.Warnings), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("/a/one.pdf", new[] { "/a/one.pdf" })]
        [InlineData("C:\\out\\1.pdf\r\nC:\\out\\2.pdf\r\n", new[] { "C:\\out\\1.pdf", "C:\\out\\2.pdf" })]
        [InlineData("\n\n", new string[0])]
        public void Result_text_is_split_into_paths(string body, string[] expected) =>
            Assert.Equal(expected, global::OperationsModule.Core.Systems.OLConnect.OutputCreationResultClient.SplitPaths(body));
    }
}

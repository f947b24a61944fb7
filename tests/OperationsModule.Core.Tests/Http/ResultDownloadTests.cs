using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Core.Validation;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.OLConnect.OutputCreationFixture;
using OperationsModule.Core.Tests.Systems.OLConnect;

namespace OperationsModule.Core.Tests.Http
{
    /// <summary>The allocation figure is process-wide: nothing else runs beside these tests.</summary>
    [CollectionDefinition(nameof(ResultDownloadTests), DisableParallelization = true)]
    public sealed class ResultDownloadCollection
    {
    }

    /// <summary>
    /// Get-OutputCreationResult -OutFile against hostile results (huge, compressed, oddly named): streamed
    /// to disk with flat memory, refused past the cap once decompressed, Out-File's -NoClobber, a missing folder said
    /// in words, and Windows file-name rules on every OS.
    /// </summary>
    [Collection(nameof(ResultDownloadTests))]
    public sealed class ResultDownloadTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "om-download-" + Guid.NewGuid().ToString("N"));

        public ResultDownloadTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        /// <summary>A PDF header followed by <paramref name="size"/> zero bytes, gzip-compressed (about a thousandth of its size).</summary>
        private static byte[] GzipBomb(long size)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(Encoding.ASCII.GetBytes("%PDF-1.4\n"));
                var zeros = new byte[1024 * 1024];
                for (long written = 0; written < size; written += zeros.Length) gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
            }
            return compressed.ToArray();
        }

        private static RawHttpListener Serving(byte[] gzipBody) =>
            new RawHttpListener(_ => RawHttpListener.AnswerBytes(200, gzipBody, "Content-Type: application/octet-stream", "Content-Encoding: gzip"));

        private static ConnectionPlan Plan(RawHttpListener server) =>
            new ConnectionPlan(Connections.PerCall(OperationsSystem.OLConnect, server.BaseUri, credential: Connections.Credential("admin", "pw")), new SessionStore());

        private static RecordingOutput Get(ConnectionPlan plan, string outFile, string id, long? cap = null, bool noClobber = false)
        {
            var output = new RecordingOutput();
            using var command = new GetOutputCreationResultCommand(plan, outFile, output, CancellationToken.None, noClobber);
            if (cap is { } bytes) command.MaximumResultBytes = bytes;
            Task.Run(() => command.Process(null, id)).GetAwaiter().GetResult();
            return output;
        }

        [Fact]
        public async Task A_body_that_expands_past_the_cap_is_refused_and_leaves_no_file()
        {
            var bomb = GzipBomb(32L * 1024 * 1024);
            await using var server = Serving(bomb);

            var output = Get(Plan(server), _folder, "op-1", cap: 1024 * 1024);

            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.UnexpectedResponse, failure.ErrorId);
            Assert.Contains("larger than 1048576 bytes once decompressed", failure.Exception.Message);
            Assert.Equal("POST", failure.Exception.Method);
            Assert.Equal("op-1", failure.TargetObject);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
            Assert.True(bomb.Length < 64 * 1024, $"the bomb is {bomb.Length} bytes on the wire");
        }

        [Fact]
        public async Task A_large_compressed_result_is_streamed_to_disk_with_flat_memory()
        {
            const long size = 48L * 1024 * 1024;
            await using var server = Serving(GzipBomb(size));
            var plan = Plan(server);
            var before = GC.GetTotalAllocatedBytes(precise: true);

            var output = Get(plan, _folder, "op-1");

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var result = output.Single<OutputCreationResult>();
            Assert.Equal(Path.Combine(_folder, "op-1.pdf"), result.OutFile);
            Assert.Equal(size + 9, result.Length);
            Assert.Equal(size + 9, new FileInfo(result.OutFile!).Length);
            // Buffered, this was the whole body and more (a 500 MB result peaked at 2.6 GB); streamed, a few buffers.
            Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated / 1024} KB for a {size / 1024 / 1024} MB result");
            Assert.Single(Directory.EnumerateFileSystemEntries(_folder));
        }

        [Fact]
        public async Task An_existing_file_is_replaced_by_default_and_kept_with_NoClobber()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", progress: 100);
            var file = Path.Combine(_folder, "invoice.pdf");
            File.WriteAllText(file, "earlier");

            var refused = Get(OutputCreationFixture.Plan(sim), file, "op-1", noClobber: true);
            var requestsAfterRefusal = sim.Journal.Count;
            var replaced = Get(OutputCreationFixture.Plan(sim), file, "op-1");

            var failure = Assert.Single(refused.Failures);
            Assert.Equal(ErrorIds.OutFileFailed, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.ResourceExists, failure.Category);
            Assert.Contains("already exists and -NoClobber was given", failure.Exception.Message);
            Assert.Equal(0, requestsAfterRefusal);
            Assert.Empty(replaced.Failures);
            Assert.StartsWith("%PDF", File.ReadAllText(file), StringComparison.Ordinal);
        }

        [Fact]
        public async Task NoClobber_into_a_folder_refuses_the_file_named_after_the_operation()
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", progress: 100);
            File.WriteAllText(Path.Combine(_folder, "op-1.pdf"), "earlier");

            var output = Get(OutputCreationFixture.Plan(sim), _folder, "op-1", noClobber: true);

            Assert.Equal(ErrorCategoryName.ResourceExists, Assert.Single(output.Failures).Category);
            Assert.Equal("earlier", File.ReadAllText(Path.Combine(_folder, "op-1.pdf")));
            Assert.Single(Directory.EnumerateFileSystemEntries(_folder));
        }

        /// <summary>Both forms users type: a file in a missing folder, and the folder itself with a trailing separator; each is said in words, not as an IOException.</summary>
        [Theory]
        [InlineData("x.pdf")]
        [InlineData("/")]
        public async Task A_missing_folder_is_said_in_words_before_anything_is_fetched(string leaf)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation("op-1", progress: 100);
            var missing = Path.Combine(_folder, "no-such-dir");
            var outFile = leaf == "/" ? missing + Path.DirectorySeparatorChar : Path.Combine(missing, leaf);

            var output = Get(OutputCreationFixture.Plan(sim), outFile, "op-1");

            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.OutFileFailed, failure.ErrorId);
            Assert.Contains($"the folder '{missing}' does not exist", failure.Exception.Message);
            Assert.DoesNotContain("denied", failure.Exception.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("New-Item -ItemType Directory", failure.RecommendedAction);
            Assert.False(Directory.Exists(missing), "the folder is not created");
            Assert.Equal(0, sim.Journal.Count);
        }

        /// <summary>IDs the server chose (piped from Submit) may hold what Windows reads as a drive, a stream or a device.</summary>
        [Theory]
        [InlineData("a:b", "a_b.pdf")]
        [InlineData("C:x", "C_x.pdf")]
        [InlineData("CON", "_CON.pdf")]
        [InlineData("nul", "_nul.pdf")]
        [InlineData("LPT1", "_LPT1.pdf")]
        [InlineData("COM9.tar", "_COM9.tar.pdf")]
        [InlineData("a*b|c<d>\"e", "a_b_c_d__e.pdf")]
        [InlineData("report:stream:$DATA", "report_stream_$DATA.pdf")]
        [InlineData("CONSOLE", "CONSOLE.pdf")]
        public async Task A_server_ID_becomes_a_safe_leaf_name_on_every_platform(string operationId, string expectedName)
        {
            await using var sim = await SimulatorServer.StartAsync();
            sim.State.OlConnect.AddOperation(operationId, progress: 100);

            var output = Get(OutputCreationFixture.Plan(sim), _folder, operationId);

            Assert.Empty(output.Failures);
            Assert.Equal(Path.Combine(_folder, expectedName), output.Single<OutputCreationResult>().OutFile);
            Assert.Equal(expectedName, Assert.Single(Directory.EnumerateFiles(_folder).Select(Path.GetFileName)));
        }

        [Theory]
        [InlineData("a:b.pdf")]
        [InlineData("CON")]
        [InlineData("NUL.pdf")]
        [InlineData("com1.txt")]
        [InlineData("result.pdf.")]
        [InlineData("result.pdf ")]
        [InlineData("what?.pdf")]
        [InlineData("a|b.pdf")]
        public async Task A_typed_OutFile_that_Windows_would_not_take_is_refused_naming_OutFile(string leaf)
        {
            await using var sim = await SimulatorServer.StartAsync();

            var ex = Assert.Throws<InputValidationException>(() =>
                new GetOutputCreationResultCommand(OutputCreationFixture.Plan(sim), Path.Combine(_folder, leaf), new RecordingOutput(), CancellationToken.None));

            Assert.Equal("OutFile", ex.ParameterName);
            Assert.Equal(0, sim.Journal.Count);
        }

        [Theory]
        [InlineData("..", ".pdf", "_.pdf")]
        [InlineData("...", ".bin", "_.bin")]
        [InlineData(" x ", ".pdf", "x.pdf")]
        [InlineData("AUX", "", "_AUX")]
        [InlineData("a\tb", ".txt", "a_b.txt")]
        public void SafeLeaf_never_yields_a_path_step_a_device_or_a_control_character(string name, string extension, string expected) =>
            Assert.Equal(expected, FileNameRules.SafeLeaf(name, extension));
    }
}

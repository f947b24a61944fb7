using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;
using static OperationsModule.Core.Tests.Systems.OLConnect.OutputCreationFixture;

namespace OperationsModule.Core.Tests.Commands
{
    /// <summary>Wait-OutputCreation and Submit-OutputCreation -Wait as the cmdlets drive them: one output, error or warning per item.</summary>
    public sealed class WaitOutputCreationCommandTests
    {
        private static WaitOptions NoSleep(FakeWaitClock? clock = null, TimeSpan? timeout = null) =>
            new WaitOptions(TimeSpan.Zero, timeout, clock ?? new FakeWaitClock());

        [Fact]
        public async Task Submit_with_Wait_emits_the_completed_operation_with_its_result()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 50 });
            var output = new RecordingOutput();
            using var command = new SubmitOutputCreationCommand(Connect(sim), "Invoices-Preset", createOnly: true, output, CancellationToken.None) { Wait = NoSleep() };
            command.Add(new long[] { 1, 2 });
            command.Add(new long[] { 3 });

            await Task.Run(() => command.Complete());

            var operation = output.Single<OutputCreationOperation>();
            Assert.Equal("Completed", operation.State);
            Assert.Equal(100, operation.PercentComplete);
            Assert.Equal(new long[] { 1, 2, 3 }, operation.JobIds);
            Assert.Equal(new[] { $"/var/olconnect/output/{operation.OperationId}/out.pdf" }, operation.Result);
            var id = operation.OperationId;
            Assert.Equal(new[] { "POST Invoices-Preset/jobs", $"GET getProgress/{id}", $"GET getProgress/{id}", $"POST getResultTxt/{id}" }, Calls(sim));
            Assert.Equal(new[] { 50, 100, 100 }, output.Progress.Select(p => p.PercentComplete));
            Assert.Empty(output.Failures);
        }

        [Fact]
        public async Task Submit_without_Wait_emits_the_operation_at_once_and_never_polls()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var output = new RecordingOutput();
            using var command = new SubmitOutputCreationCommand(Connect(sim), "1001", createOnly: false, output, CancellationToken.None);
            command.Add(new long[] { 7 });

            await Task.Run(() => command.Complete());

            Assert.Equal("Submitted", output.Single<OutputCreationOperation>().State);
            Assert.Equal(new[] { "POST 1001/jobs" }, Calls(sim));
            Assert.Empty(output.Progress);
        }

        [Fact]
        public async Task WhatIf_on_Submit_with_Wait_sends_nothing()
        {
            await using var sim = await SimulatorServer.StartAsync();
            var output = new RecordingOutput { Approve = false };
            using var command = new SubmitOutputCreationCommand(Connect(sim), "1001", createOnly: true, output, CancellationToken.None) { Wait = NoSleep() };
            command.Add(new long[] { 7 });

            await Task.Run(() => command.Complete());

            Assert.Empty(sim.Journal.Snapshot());
            Assert.Empty(output.Objects);
            Assert.Contains("POST", Assert.Single(output.ShouldProcessCalls).Action, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Piped_IDs_and_objects_each_yield_one_completed_operation_or_one_error()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 100 });
            sim.State.OlConnect.AddOperation("op-1");
            sim.State.OlConnect.AddOperation("op-2");
            var output = new RecordingOutput();
            using var command = new WaitOutputCreationCommand(Plan(sim), NoSleep(), output, CancellationToken.None);
            var piped = Operation(sim, "op-2");

            await Task.Run(() =>
            {
                Assert.True(command.Process(null, "op-1"));
                Assert.True(command.Process(null, "missing"));
                Assert.True(command.Process(null, "bad/id"));
                Assert.True(command.Process(piped, null));
            });

            var completed = output.Objects.Cast<OutputCreationOperation>().ToList();
            Assert.Equal(new[] { "op-1", "op-2" }, completed.Select(o => o.OperationId));
            Assert.All(completed, o => Assert.Equal("Completed", o.State));
            Assert.Same(piped, completed[1]);
            Assert.Null(completed[0].ConfigId);
            Assert.Equal(new[] { "missing", "bad/id" }, output.Failures.Select(f => f.TargetObject));
            Assert.Equal(new[] { ErrorIds.NotFound, ErrorIds.InvalidParameter }, output.Failures.Select(f => f.ErrorId));
            Assert.Contains("-OperationId", output.Failures.Last().Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Calls(sim), c => c.Contains("bad", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Ctrl_C_writes_the_warning_with_the_exact_Stop_command_for_a_per_call_connection()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 10 });
            sim.State.OlConnect.AddOperation("op-1");
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var clock = new FakeWaitClock((n, _) => { if (n == 3) stop.Cancel(); return Task.CompletedTask; });
            using var command = new WaitOutputCreationCommand(Plan(sim), NoSleep(clock), output, stop.Token);

            var goOn = await Task.Run(() => command.Process(null, "op-1"));

            Assert.False(goOn);
            var warning = Assert.Single(output.Warnings);
            Assert.Contains("keeps running on the server", warning, StringComparison.Ordinal);
            Assert.EndsWith($"To cancel it, run: Stop-OutputCreation -OperationId 'op-1' -BaseUri '{sim.BaseUri.AbsoluteUri}' -Credential $credential -AllowUnencryptedAuthentication", warning, StringComparison.Ordinal);
            Assert.Empty(output.Objects);
            Assert.Empty(output.Failures);
            Assert.False(sim.State.OlConnect.GetOperation("op-1")!.Cancelled);
            // A stopped command handles no further items.
            Assert.False(command.Process(null, "op-1"));
            Assert.Equal(3, Calls(sim).Count);
        }

        [Fact]
        public async Task Ctrl_C_with_the_default_session_names_just_the_operation()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 10 });
            sim.State.OlConnect.AddOperation("it's-1");
            var store = new SessionStore();
            store.Set(SessionResolver.CreateSession(Request(sim), persistent: true));
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput();
            var clock = new FakeWaitClock((n, _) => { stop.Cancel(); return Task.CompletedTask; });
            using var command = new WaitOutputCreationCommand(new ConnectionPlan(new ConnectionRequest(OperationsSystem.OLConnect), store), NoSleep(clock), output, stop.Token, store);

            await Task.Run(() => command.Process(null, "it's-1"));

            Assert.EndsWith("To cancel it, run: Stop-OutputCreation -OperationId 'it''s-1'", Assert.Single(output.Warnings), StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_wait_timeout_writes_a_WaitTimedOut_error_that_says_how_to_resume_or_cancel()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 5 });
            sim.State.OlConnect.AddOperation("op-1");
            var output = new RecordingOutput();
            var options = new WaitOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), new FakeWaitClock());
            using var command = new WaitOutputCreationCommand(Plan(sim), options, output, CancellationToken.None);

            Assert.True(await Task.Run(() => command.Process(null, "op-1")));

            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.WaitTimedOut, failure.ErrorId);
            Assert.Equal(ErrorCategoryName.OperationTimeout, failure.Category);
            var target = Assert.IsType<OutputCreationOperation>(failure.TargetObject);
            Assert.Equal("op-1", target.OperationId);
            Assert.Equal(20, target.PercentComplete);
            Assert.Equal(sim.BaseUri, target.Server);
            Assert.Contains("within 3 s (-WaitTimeoutSec) (last progress 20%)", failure.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Wait-OutputCreation -OperationId 'op-1'", failure.RecommendedAction, StringComparison.Ordinal);
            Assert.Contains("Stop-OutputCreation -OperationId 'op-1'", failure.RecommendedAction, StringComparison.Ordinal);
            Assert.Empty(output.Objects);
        }

        [Fact]
        public void Wait_options_refuse_negative_intervals_naming_the_parameter()
        {
            var ex = Assert.Throws<InputValidationException>(() => new WaitOptions(TimeSpan.FromSeconds(-1)));
            Assert.Equal("PollIntervalSec", ex.ParameterName);
            Assert.Equal("WaitTimeoutSec", Assert.Throws<InputValidationException>(() => new WaitOptions(null, TimeSpan.Zero)).ParameterName);
            Assert.Equal(TimeSpan.FromSeconds(2), WaitOptions.FromSeconds(null, null).PollInterval);
            Assert.Equal(TimeSpan.FromHours(1), WaitOptions.FromSeconds(null, null).WaitTimeout);
        }

        [Fact]
        public async Task Nothing_leaks_the_password_into_any_output()
        {
            await using var sim = await SimulatorServer.StartAsync(new SimulatorOptions { ProgressStepPercent = 50 });
            sim.State.OlConnect.AddOperation("op-1");
            using var stop = new CancellationTokenSource();
            var output = new RecordingOutput { IsDebugEnabled = true };
            var clock = new FakeWaitClock((n, _) => { if (n == 1) stop.Cancel(); return Task.CompletedTask; });
            using var command = new WaitOutputCreationCommand(Plan(sim), NoSleep(clock), output, stop.Token);

            await Task.Run(() => command.Process(null, "op-1"));
            using var second = new WaitOutputCreationCommand(Plan(sim), NoSleep(), output, CancellationToken.None);
            await Task.Run(() => second.Process(null, "op-1"));

            Assert.NotEmpty(output.Debug);
            Assert.DoesNotContain(output.AllText(), t => t.Contains(sim.Options.OlConnectPassword, StringComparison.Ordinal));
            Assert.DoesNotContain(output.AllText(), t => t.Contains("b2wtYWRtaW46b2wtc2VjcmV0LXBhc3M=", StringComparison.Ordinal));
        }
    }
}

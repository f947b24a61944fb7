using System;
using System.Linq;
using System.Management.Automation;
using OperationsModule.Core.Models;
using OperationsModule.PowerShell.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>
    /// Session lifetimes in live runspaces: default sessions are shared by every runspace of the process, so runspace
    /// B's Connect or Disconnect must not take the connection from under runspace A's running command; and every VCF
    /// login is revoked once its command or session ends.
    /// </summary>
    public sealed class ConcurrentSessionTests : RunspaceTest
    {
        private const string Revoke = "DELETE /v1/tokens/refresh-token";

        public ConcurrentSessionTests(SimulatorFixture simulator) : base(simulator) { }

        private int Count(string call) => Simulator.Requests().Count(r => r.StartsWith(call, StringComparison.Ordinal));

        /// <summary>Runs <paramref name="script"/> in runspace A and calls <paramref name="midRun"/> once, from A's pipeline thread, at the first record of the stream chosen.</summary>
        private (PSDataCollection<PSObject> Output, System.Management.Automation.PowerShell Shell) RunWithHook(string script, bool onProgress, Action midRun)
        {
            var ps = Shell.Create();
            ps.AddScript(script);
            var fired = false;
            void Fire()
            {
                if (fired) return;
                fired = true;
                midRun();
            }
            // DataAdded is raised on A's pipeline thread while it writes: A is paused exactly there while B acts.
            if (onProgress) ps.Streams.Progress.DataAdded += (_, _) => Fire();
            else ps.Streams.Verbose.DataAdded += (_, _) => Fire();
            var output = new PSDataCollection<PSObject>();
            ps.Invoke(null, output);
            Assert.True(fired, "the hook never ran: the run was not observed mid-way");
            return (output, ps);
        }

        [Theory]
        [InlineData("Connect-OperationsServer -System OLConnect @ol")]
        [InlineData("Disconnect-OperationsServer -System OLConnect")]
        public void Submit_Wait_in_A_completes_when_B_reconnects_or_disconnects_mid_wait(string inB)
        {
            RunClean("Connect-OperationsServer -System OLConnect @ol");
            using var b = new ModuleHost();
            b.Set("sim", Simulator.BaseUri);
            b.Set("olCred", Accounts.OlAdmin);
            b.Run("$ol = @{ BaseUri = $sim; Credential = $olCred; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }");
            RunResult? bResult = null;

            var (output, ps) = RunWithHook("Submit-OutputCreation -ConfigId 1001 -JobId 1 -Wait -PollIntervalSec 1", onProgress: true, () => bResult = b.Run(inB));
            using (ps)
            {
                Assert.Null(bResult!.Terminating);
                Assert.Empty(bResult.Errors);
                Assert.Empty(ps.Streams.Error);
                var operation = Assert.IsType<OutputCreationOperation>(Assert.Single(output).BaseObject);
                Assert.Equal("Completed", operation.State);
                var polls = Simulator.Requests().Count(r => r.Contains("/getProgress/"));
                Assert.True(polls >= 2, $"A polled {polls} time(s): it should have gone on polling after B's command");
            }
        }

        [Theory]
        [InlineData("Connect-OperationsServer -System Vcf @vcf", 2)]
        [InlineData("Disconnect-OperationsServer -System Vcf", 1)]
        public void Bulk_Stop_Task_in_A_completes_every_item_when_B_reconnects_or_disconnects_mid_run(string inB, int logins)
        {
            var ids = Enumerable.Range(1, 40).Select(i => "t-" + i).ToArray();
            Server.State.Vcf.AddTasks(ids);
            Server.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(20)), method: "DELETE", pathPattern: "/v1/tasks/");
            RunClean("Connect-OperationsServer -System Vcf @vcf");
            using var b = new ModuleHost();
            b.Set("sim", Simulator.BaseUri);
            b.Set("vcfCred", Accounts.Vcf);
            b.Run("$vcf = @{ BaseUri = $sim; Credential = $vcfCred; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }");
            RunResult? bResult = null;
            var revocationsAtB = -1;

            // A's verbose lines come as its results are written: the first one means the run is under way.
            var (output, ps) = RunWithHook("1..40 | ForEach-Object { \"t-$_\" } | Stop-Task -ThrottleLimit 4 -Verbose", onProgress: false, () =>
            {
                bResult = b.Run(inB + " -Verbose");
                revocationsAtB = Count(Revoke);
            });
            using (ps)
            {
                Assert.Null(bResult!.Terminating);
                Assert.Empty(ps.Streams.Error);
                Assert.Equal(40, output.Count);
                Assert.Equal(ids.OrderBy(i => i), output.Select(o => ((CancellationResult)o.BaseObject).Id).OrderBy(i => i));
                Assert.Equal(0, revocationsAtB); // A still held the session: its close waited for A's end
                Assert.Contains(bResult.Verbose, v => v.Contains("still used by 1 running command: it finishes on it"));
                Assert.Contains(ps.Streams.Verbose, v => v.Message.StartsWith("Revoked the SDDC Manager refresh token (DELETE "));
            }
            RunClean("Disconnect-OperationsServer -ErrorAction SilentlyContinue");
            Assert.Equal(logins, Count("POST /v1/tokens"));
            Assert.Equal(logins, Count(Revoke));
        }

        [Fact]
        public void A_per_call_login_is_revoked_when_the_command_ends()
        {
            Server.State.Vcf.AddTask("t-1");

            var result = RunClean("Stop-Task -TaskId t-1 @vcf -Verbose");

            Assert.Single(result.Objects<CancellationResult>());
            Assert.Equal(new[] { "POST /v1/tokens", "DELETE /v1/tasks/t-1", Revoke }, Simulator.Requests());
            Assert.Contains(result.Verbose, v => v.StartsWith("Revoked the SDDC Manager refresh token (DELETE "));
        }

        [Fact]
        public void A_failed_revocation_is_one_warning_and_the_command_still_succeeds()
        {
            Server.State.Vcf.AddTask("t-1");
            Server.Faults.Add(FaultAction.Status(500, body: "{\"errorCode\":\"INTERNAL\",\"message\":\"Token service down.\"}"), method: "DELETE", pathPattern: "/v1/tokens/refresh-token");

            var result = RunClean("Stop-Task -TaskId t-1 @vcf");

            Assert.Single(result.Objects<CancellationResult>());
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith("Revoking the SDDC Manager refresh token failed: DELETE ", warning);
            Assert.Contains("stays valid on the server until it expires", warning);
        }

        [Fact]
        public void Ctrl_C_revokes_the_per_call_login_and_a_failed_revocation_is_a_warning_on_the_host()
        {
            Server.State.Vcf.AddTasks(Enumerable.Range(1, 40).Select(i => "t-" + i));
            Server.Faults.Add(FaultAction.Latency(TimeSpan.FromMilliseconds(20)), method: "DELETE", pathPattern: "/v1/tasks/");
            Server.Faults.Add(FaultAction.Status(500, body: "{\"errorCode\":\"INTERNAL\",\"message\":\"Token service down.\"}"), method: "DELETE", pathPattern: "/v1/tokens/refresh-token");
            using var ps = Shell.Create();
            ps.AddScript("1..40 | ForEach-Object { \"t-$_\" } | Stop-Task @vcf -ThrottleLimit 2");
            var output = new PSDataCollection<PSObject>();
            IAsyncResult? stopping = null;
            // The first result means the login is done and the run is under way: press Ctrl+C there.
            output.DataAdded += (_, _) => stopping ??= ps.BeginStop(null, null);

            try
            {
                ps.Invoke(null, output);
            }
            catch (PipelineStoppedException)
            {
            }
            ps.EndStop(stopping!);

            Assert.True(output.Count < 40, "the run was stopped before its end");
            Assert.Equal(1, Count("POST /v1/tokens"));
            Assert.Equal(1, Count(Revoke));
            var warnings = Shell.Host.Recorder.Lines.Where(l => l.StartsWith("WARNING: ")).ToList();
            Assert.Single(warnings, w => w.StartsWith("WARNING: Revoking the SDDC Manager refresh token failed: DELETE "));
            // The items the stop left unreported (finished unwritten, under way, never sent) are named in warnings of
            // their own: never one that was written too, and none twice.
            var stopped = warnings.Where(w => !w.StartsWith("WARNING: Revoking")).ToList();
            Assert.All(stopped, w => Assert.StartsWith("WARNING: Stopped ", w));
            Assert.Equal(stopped.Count, stopped.Distinct().Count());
            // (The command a warning gives to read the state, after "Read their state", quotes one of the IDs again.)
            var named = stopped.Select(w => w.Split(" Read their state")[0])
                .SelectMany(w => System.Text.RegularExpressions.Regex.Matches(w, "'(t-[0-9]+)'").Select(m => m.Groups[1].Value)).ToList();
            Assert.Equal(named.Count, named.Distinct().Count());
            Assert.All(output.Select(o => ((CancellationResult)o.BaseObject).Id), id => Assert.DoesNotContain(id, named));
        }

        [Fact]
        public void ErrorAction_Stop_ends_the_command_and_still_revokes_its_login()
        {
            Server.State.Vcf.AddTask("t-2");

            var result = Shell.Run("'missing', 't-2' | Stop-Task @vcf -ThrottleLimit 1 -ErrorAction Stop");

            Assert.NotNull(result.Terminating);
            Assert.Equal(1, Count("POST /v1/tokens"));
            Assert.Equal(1, Count(Revoke));
        }

        [Fact]
        public void Connect_WhatIf_over_a_VCF_session_shows_the_revocation_and_sends_nothing()
        {
            RunClean("Connect-OperationsServer -System Vcf @vcf");
            Server.Journal.Clear();

            RunClean("Connect-OperationsServer -System Vcf @vcf -WhatIf");

            var line = Assert.Single(Shell.Host.Recorder.Lines, l => l.StartsWith("What if: "));
            Assert.Contains($"revoke the SDDC Manager refresh token: DELETE {Simulator.BaseUri}v1/tokens/refresh-token", line);
            Assert.Empty(Simulator.Requests());
        }

        [Fact]
        public void Connect_replacing_a_VCF_session_revokes_the_replaced_login()
        {
            RunClean("Connect-OperationsServer -System Vcf @vcf");

            var result = RunClean("Connect-OperationsServer -System Vcf @vcf -Verbose");

            Assert.Contains(result.Verbose, v => v.StartsWith("Revoked the SDDC Manager refresh token (DELETE "));
            Assert.Equal(2, Count("POST /v1/tokens"));
            Assert.Equal(1, Count(Revoke));
        }
    }
}

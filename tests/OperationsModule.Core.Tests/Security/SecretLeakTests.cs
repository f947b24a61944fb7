using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Tests.Infrastructure;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>
    /// Secrets never leak: every cmdlet Core path, through success and every failure, with verbose and debug
    /// on; the captured streams, errors, objects (all public properties, recursively), sessions and the
    /// simulator's served journal are searched for every password and token and their Base64 forms.
    /// </summary>
    public sealed class SecretLeakTests
    {
        [Theory]
        [MemberData(nameof(LeakMatrix.Cases), MemberType = typeof(LeakMatrix))]
        public async Task No_secret_in_any_output(string authName, string pathName, string outcomeName)
        {
            var auth = LeakMatrix.Auths.Single(a => a.Name == authName);
            var path = LeakMatrix.Paths.Single(p => p.Name == pathName && p.System == auth.System);
            var outcome = LeakMatrix.Outcomes.Single(o => o.Name == outcomeName);
            await using var sim = await SimulatorServer.StartAsync();
            var store = new SessionStore();
            var secrets = new SecretScanner();
            var output = new RecordingOutput { IsDebugEnabled = true };
            var request = path.IsConnect ? await auth.ForConnect!(sim, secrets) : await auth.ForCommand(sim, store, secrets);
            request.TimeoutSec = outcome.TimeoutSec;
            if (outcome.ExpireTokens) LeakMatrix.ExpireTokens(sim, auth.System);
            if (outcome.Fault is not null)
                sim.Faults.Add(outcome.Fault(auth.System), pathPattern: outcome.LoginPath ? LeakMatrix.LoginPath(auth.System) : path.FaultPath);

            Exception? thrown = null;
            try
            {
                path.Run(sim, store, request, output);
            }
            catch (OperationsApiException ex)
            {
                thrown = ex;
            }

            secrets.HarvestFrom(sim.Journal);
            secrets.HarvestFrom(sim.State);
            Assert.NotEmpty(secrets.Needles);
            Assert.True(sim.Journal.Count > 0, "the run reached the server, so secrets were in play");
            if (outcome.Fault is null) Assert.True(thrown is null && output.Failures.IsEmpty, "the success path succeeds");
            else if (path.FailsAsWarning && !outcome.LoginPath) Assert.True(thrown is null && output.Failures.IsEmpty && !output.Warnings.IsEmpty, "a failure outcome warns");
            else if (!outcome.LoginPath && !(path.NotFoundSucceeds && outcome.Name == "404")) Assert.True(thrown is not null || !output.Failures.IsEmpty, "a failure outcome fails");
            Assert.NotEmpty(output.Verbose.Concat(output.Debug));

            var captured = new List<(string, string)>();
            captured.AddRange(output.AllText().Select(t => ("stream", t)));
            captured.AddRange(output.Verbose.Select(t => ("verbose", t)));
            captured.AddRange(output.Debug.Select(t => ("debug", t)));
            captured.AddRange(output.Objects.SelectMany(o => SecretScanner.Reflect("object", o)));
            captured.AddRange(output.Failures.SelectMany(f => SecretScanner.Reflect("failure", f)));
            if (thrown is not null)
            {
                captured.Add(("thrown.ToString", thrown.ToString()));
                captured.AddRange(SecretScanner.Reflect("thrown", thrown));
            }
            captured.AddRange(store.All().SelectMany(s => SecretScanner.Reflect("session", s)));
            captured.Add(("simulator /_sim/requests", await ServedJournalAsync(sim)));

            Assert.Empty(secrets.Find(captured));
        }

        [Fact]
        public void The_scanner_finds_a_planted_secret_in_every_form()
        {
            var secrets = new SecretScanner();
            secrets.AddCredential("ol-admin", "ol-secret-pass");
            secrets.Add("olc-0123456789abcdef");
            Assert.NotEmpty(secrets.Find(new[] { ("verbose", "Authorization: Basic " + SecurityHarness.Base64("ol-admin:ol-secret-pass")) }));
            Assert.NotEmpty(secrets.Find(new[] { ("debug", "password is ol-secret-pass") }));
            Assert.NotEmpty(secrets.Find(new[] { ("error", "auth_token: olc-0123456789abcdef") }));
            Assert.NotEmpty(secrets.Find(new[] { ("object", SecurityHarness.Base64("olc-0123456789abcdef")) }));
            Assert.Empty(secrets.Find(new[] { ("verbose", "Authorization: ***") }));
        }

        [Fact]
        public void Reflection_reaches_nested_properties()
        {
            var nested = new { Outer = new { Inner = new[] { new { Value = "needle-value" } } } };
            Assert.Contains(SecretScanner.Reflect("x", nested), c => c.Text == "needle-value");
        }

        [Fact]
        public void The_matrix_covers_every_path_of_every_system_with_every_outcome()
        {
            var cases = LeakMatrix.Cases().ToList();
            var all = LeakMatrix.Outcomes.Length;
            var withoutLogin = all - LeakMatrix.Outcomes.Count(o => o.LoginPath);
            // OL Connect: Basic x (Stop, Submit); -Token x (Stop, Submit, Connect); login session x (Stop, Submit, Connect).
            var olConnect = 2 * withoutLogin + 3 * withoutLogin + 3 * all;
            // Onedata: -Token x (Stop-WorkflowExecution, Connect).
            var onedata = 2 * withoutLogin;
            // VCF: login session x (Stop-Task, Connect, Disconnect's revocation); per-call login x Stop-Task; -Token x (Stop-Task, Connect).
            var vcf = 3 * all + 1 * all + 2 * withoutLogin;
            // BigChange: client-credentials session x (Stop-Job, Connect); -Token x (Stop-Job, Connect).
            var bigChange = 2 * all + 2 * withoutLogin;
            Assert.Equal(olConnect + onedata + vcf + bigChange, cases.Count);
            Assert.Equal(cases.Count, cases.Select(c => string.Join("|", c)).Distinct().Count());

            foreach (var cmdlet in new[] { "Stop-OutputCreation", "Submit-OutputCreation", "Stop-WorkflowExecution", "Stop-Task", "Stop-Job" })
                foreach (var outcome in LeakMatrix.Outcomes.Where(o => !o.LoginPath))
                    Assert.Contains(cases, c => (string)c[1] == cmdlet && (string)c[2] == outcome.Name);
            foreach (var system in Enum.GetValues(typeof(Models.OperationsSystem)).Cast<Models.OperationsSystem>())
                Assert.Contains(LeakMatrix.Paths, p => p.System == system && p.IsConnect);
            foreach (var outcome in LeakMatrix.Outcomes)
                Assert.Contains(cases, c => (string)c[1] == "Disconnect-OperationsServer revoking the refresh token" && (string)c[2] == outcome.Name);
        }

        [Fact]
        public async Task Tokens_the_simulator_issued_are_searched_for_even_if_never_sent()
        {
            await using var sim = await SimulatorServer.StartAsync();
            using var http = Simulator.SimTestClient.For(sim);
            var vcf = await Simulator.SimTestClient.VcfTokenAsync(http, sim);
            var bigChange = await Simulator.SimTestClient.BigChangeTokenAsync(http, sim);
            var secrets = new SecretScanner();

            secrets.HarvestFrom(sim.State);

            Assert.NotEmpty(secrets.Find(new[] { ("debug", "access " + vcf) }));
            Assert.NotEmpty(secrets.Find(new[] { ("debug", "access_token " + bigChange) }));
            Assert.Equal(3, sim.State.IssuedSecrets().Count); // VCF access token and refresh id, BigChange access token
        }

        private static async Task<string> ServedJournalAsync(SimulatorServer sim)
        {
            using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = sim.BaseUri };
            return await http.GetStringAsync("_sim/requests");
        }
    }
}

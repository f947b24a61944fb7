using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Models;
using OperationsModule.Core.Secrets;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Simulator;

namespace OperationsModule.Bench.Scenarios;

/// <summary>Which side of each row to run: both (the default), only -NoAdaptiveThrottling, or only adaptive throttling.</summary>
internal enum Sides
{
    Both,
    Off,
    On,
}

/// <summary>
/// The throttling scenarios of issue 15, one row each, every row run with -NoAdaptiveThrottling ("off") and with
/// adaptive throttling ("on") against the same in-process simulator, fresh IDs and fresh fault rules per run.
/// Wall time is real: the simulator's limiters and the client's waits run on the real clock here.
/// </summary>
internal sealed class ScenarioBench(SimulatorServer sim, Sides sides)
{
    private int _batch;

    public List<(ScenarioResult? Off, ScenarioResult? On)> Rows { get; } = new();

    /// <summary>
    /// VCF task cancels at -ThrottleLimit 16 -MaximumRetryCount 3 -RetryIntervalSec 1 under
    /// <see cref="FaultScenarios.ItemMix"/>: one ID in ten refused twice with 429, one in ten once with 503 (both
    /// Retry-After 1), one in ten each an HTML 502, a 404 and a 409, the rest served. Lost: an item of the first
    /// two kinds or a served one that ended in an error record.
    /// </summary>
    public void ItemMix(int items) => Pair(adaptive =>
    {
        var ids = Ids("mix", items);
        sim.State.Vcf.AddTasks(ids);
        var request = Request(OperationsSystem.Vcf, adaptive);
        request.Credential = new SecretCredential(sim.Options.VcfUser, SecretText.FromClearText(sim.Options.VcfPassword));
        request.MaximumRetryCount = 3;
        request.RetryIntervalSec = 1;
        return Run("item mix, VCF, C=16, 3 retries 1 s apart", adaptive, ids, rate: null, 16, TaskCancelEndpoint.Instance, request,
            () => FaultScenarios.ItemMix(sim.Faults, "^/v1/tasks/", "DELETE"),
            id => FaultScenarios.OutcomeOf("/v1/tasks/" + id) is FaultScenarios.ItemOutcome.RefusedTwice429 or FaultScenarios.ItemOutcome.RefusedOnce503 or FaultScenarios.ItemOutcome.Served);
    });

    /// <summary>Onedata cancels at -ThrottleLimit 32, every one refused (429, Retry-After 1) for the first <paramref name="seconds"/> s, then no limit; 0 s is the reference run.</summary>
    public void Outage(int items, double seconds) => Pair(adaptive =>
    {
        var ids = Ids("out", items);
        sim.State.Onedata.AddExecutions(ids);
        var request = Request(OperationsSystem.Onedata, adaptive);
        request.Token = SecretText.FromClearText(sim.Options.OnedataToken);
        var row = seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.#} s outage, Onedata, C=32") : "no refusals (reference), Onedata, C=32";
        return Run(row, adaptive, ids, rate: null, 32, WorkflowExecutionCancelEndpoint.Instance, request,
            () => { if (seconds > 0) sim.Faults.Add(FaultAction.Outage(TimeSpan.FromSeconds(seconds)), pathPattern: "/cancel$"); },
            _ => true);
    });

    /// <summary>OL Connect cancels at -ThrottleLimit 32 with the default retries against a token bucket of <paramref name="rate"/>/s.</summary>
    public void TokenBucket(int rate, int burst, string retryAfter, int secondsOfWork) => Pair(adaptive =>
        Run(string.Create(CultureInfo.InvariantCulture, $"token bucket R={rate} burst {burst}, OL Connect, C=32"), adaptive, Ids("tb", rate * secondsOfWork, olConnect: true), rate, 32,
            OutputCreationCancelEndpoint.Instance, OlConnect(adaptive),
            () => sim.Faults.Add(FaultAction.RateLimit(rate, burst, 429, retryAfter), pathPattern: "/cancel/"),
            _ => true));

    /// <summary>OL Connect cancels at -ThrottleLimit 32 against fixed windows of <paramref name="limit"/> per <paramref name="windowSeconds"/> s, limit headers on every answer.</summary>
    public void FixedWindow(int items, int limit, int windowSeconds, LimitHeaderStyle headers) => Pair(adaptive =>
        Run(string.Create(CultureInfo.InvariantCulture, $"fixed window {limit}/{windowSeconds} s, {headers} headers, OL Connect, C=32"), adaptive, Ids("fw", items, olConnect: true), limit / (double)windowSeconds, 32,
            OutputCreationCancelEndpoint.Instance, OlConnect(adaptive),
            () => sim.Faults.Add(FaultAction.FixedWindow(limit, TimeSpan.FromSeconds(windowSeconds), 429, headers), pathPattern: "/cancel/"),
            _ => true));

    /// <summary>
    /// Untimed runs on each system without faults, both sides, so the first timed row does not pay for JIT and
    /// connection set-up (the no-refusals reference run otherwise took 1.2 s instead of 0.1 s).
    /// </summary>
    public void WarmUp()
    {
        foreach (var adaptive in new[] { false, true })
        {
            var vcf = Ids("warm", 200);
            sim.State.Vcf.AddTasks(vcf);
            var vcfRequest = Request(OperationsSystem.Vcf, adaptive);
            vcfRequest.Credential = new SecretCredential(sim.Options.VcfUser, SecretText.FromClearText(sim.Options.VcfPassword));
            EngineRun.Run(TaskCancelEndpoint.Instance, vcfRequest, vcf, 16, new NullOutput());
            var onedata = Ids("warm", 200);
            sim.State.Onedata.AddExecutions(onedata);
            var onedataRequest = Request(OperationsSystem.Onedata, adaptive);
            onedataRequest.Token = SecretText.FromClearText(sim.Options.OnedataToken);
            EngineRun.Run(WorkflowExecutionCancelEndpoint.Instance, onedataRequest, onedata, 32, new NullOutput());
            EngineRun.Run(OutputCreationCancelEndpoint.Instance, OlConnect(adaptive), Ids("warm", 200, olConnect: true), 32, new NullOutput());
        }
    }

    private void Pair(Func<bool, ScenarioResult> run)
    {
        var off = sides == Sides.On ? (ScenarioResult?)null : run(false);
        var on = sides == Sides.Off ? (ScenarioResult?)null : run(true);
        Rows.Add((off, on));
    }

    private ScenarioResult Run(string row, bool adaptive, List<string> ids, double? rate, int throttleLimit, ICancelEndpoint endpoint, ConnectionRequest request, Action addFaults, Func<string, bool> shouldSucceed)
    {
        sim.Faults.Clear();
        sim.Responses.Clear();
        addFaults();
        var output = new NullOutput(keepFailedIds: true);
        var clock = Stopwatch.StartNew();
        EngineRun.Run(endpoint, request, ids, throttleLimit, output);
        clock.Stop();
        sim.Faults.Clear();
        if (output.Objects + output.Failures != ids.Count)
            throw new InvalidOperationException($"{row}: {ids.Count} items gave {output.Objects} results and {output.Failures} errors");
        var lost = output.FailedIds.Count(shouldSucceed);
        var result = new ScenarioResult(row, adaptive, ids.Count, lost, sim.Responses.Count(429) + sim.Responses.Count(503), sim.Responses.Total, clock.Elapsed.TotalSeconds, rate);
        ScenarioTable.Report(result);
        return result;
    }

    private ConnectionRequest Request(OperationsSystem system, bool adaptive) => new(system)
    {
        BaseUri = sim.BaseUri.AbsoluteUri,
        AllowUnencryptedAuthentication = true,
        AdaptiveThrottling = adaptive,
    };

    private ConnectionRequest OlConnect(bool adaptive)
    {
        var request = Request(OperationsSystem.OLConnect, adaptive);
        request.Credential = new SecretCredential(sim.Options.OlConnectUser, SecretText.FromClearText(sim.Options.OlConnectPassword));
        return request;
    }

    /// <summary>Fresh IDs per run: a second cancel of the same item would be a different answer, not the same work.</summary>
    private List<string> Ids(string kind, int count, bool olConnect = false)
    {
        var prefix = kind + (++_batch).ToString(CultureInfo.InvariantCulture) + "-";
        var ids = Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (olConnect)
        {
            foreach (var id in ids)
            {
                sim.State.OlConnect.AddOperation(id);
            }
        }

        return ids;
    }
}

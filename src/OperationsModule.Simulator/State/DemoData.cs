using System;

namespace OperationsModule.Simulator;

/// <summary>
/// The data set behind --demo, chosen so a demo shows every outcome and every example in README.md and docs/en-US
/// runs as written (tests/Pester/Examples.Tests.ps1 runs them against it; README.md lists these IDs):
/// OL Connect: presets "1001", "Invoices-Preset", "Letters-Preset"; jobs 1..103; operations "4001", "f7a3c9e2",
///      "op-1", "op-2" running (50%), "4002" finished (a result to fetch), "op-17" running (no result yet).
/// Onedata: executions "11a53ed06d175c89bc3ed5be61f8217cch1890", "demo-exec-1".."demo-exec-3" active,
///      "demo-exec-finished" finished, "demo-exec-cancelled" cancelled (in every space; named for the Get-WorkflowExecution examples).
/// VCF: tasks "7e1c2eee-3177-4e3b-84db-bfebc83f386a", "c4c6a2d1-5b6e-4f0a-9d2e-2f7a3b1e0c55", "demo-task-1",
///      "demo-task-2" IN_PROGRESS, "demo-task-cancelled" CANCELLED, "demo-task-done" SUCCESSFUL (names and types
///      such as "Upgrade ESXi (wld-01)", UPGRADE, for the Get-SddcManagerTask examples).
/// BigChange (customer = options.BigChangeCustomerId): jobs 1234567, 1234568 and 1001..1003 scheduled, 1004 started,
///      1005 cancelled, 1006 suspended, 1007 scheduled but owned by customer 9999 (403).
/// </summary>
public static class DemoData
{
    public static void Seed(SimulatorState state)
    {
        state.OlConnect.AddConfig("Letters-Preset");
        state.OlConnect.AddJobs(101, 102, 103);
        state.OlConnect.AddOperation("4001", "Invoices-Preset", new long[] { 1, 2, 3 }, createOnly: true, progress: 50);
        state.OlConnect.AddOperation("4002", "Invoices-Preset", new long[] { 101, 102, 103 }, createOnly: false, progress: 100);
        foreach (var running in new[] { "f7a3c9e2", "op-1", "op-2", "op-17" })
        {
            state.OlConnect.AddOperation(running, "Invoices-Preset", new long[] { 101 }, createOnly: false, progress: 50);
        }

        state.Onedata.AddExecution("11a53ed06d175c89bc3ed5be61f8217cch1890", "active", null, "Ingest new datasets");
        state.Onedata.AddExecution("demo-exec-1", "active", null, "Checksum archive");
        state.Onedata.AddExecution("demo-exec-2", "active", null, "Replicate to site B");
        state.Onedata.AddExecution("demo-exec-3", "active", null, "Thumbnail images");
        state.Onedata.AddExecution("demo-exec-finished", "finished", null, "Checksum archive");
        state.Onedata.AddExecution("demo-exec-cancelled", "cancelled", null, "Replicate to site B");

        var started = DateTimeOffset.UtcNow.AddMinutes(-30);
        state.Vcf.AddTask("7e1c2eee-3177-4e3b-84db-bfebc83f386a", "IN_PROGRESS", "Upgrade ESXi (wld-01)", "UPGRADE", started);
        state.Vcf.AddTask("c4c6a2d1-5b6e-4f0a-9d2e-2f7a3b1e0c55", "IN_PROGRESS", "Add cluster (wld-01)", "CLUSTER_CREATION", started.AddMinutes(5));
        state.Vcf.AddTask("demo-task-1", "IN_PROGRESS", "Rotate passwords wld-02", "CREDENTIALS_ROTATION", started.AddMinutes(10));
        state.Vcf.AddTask("demo-task-2", "IN_PROGRESS", "Upgrade NSX (wld-02)", "UPGRADE", started.AddMinutes(12));
        state.Vcf.AddTask("demo-task-cancelled", "CANCELLED", "Add host (cl-03)", "HOST_ADDITION", started.AddHours(-3));
        state.Vcf.AddTask("demo-task-done", "SUCCESSFUL", "Upgrade SDDC Manager", "UPGRADE", started.AddHours(-5));

        state.BigChange.AddJobs(new long[] { 1234567, 1234568, 1001, 1002, 1003 });
        state.BigChange.AddJob(1004, "started");
        state.BigChange.AddJob(1005, "cancelled");
        state.BigChange.AddJob(1006, "suspended");
        state.BigChange.AddJob(1007, "scheduled", customerId: 9999);
    }
}

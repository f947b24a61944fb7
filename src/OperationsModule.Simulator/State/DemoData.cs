namespace OperationsModule.Simulator;

/// <summary>
/// The data set behind --demo, chosen so a demo shows every outcome:
/// OL Connect: presets "1001", "Invoices-Preset", "Letters-Preset"; jobs 1..100; operation "4001" running (50%).
/// Onedata: executions "demo-exec-1".."demo-exec-3" active, "demo-exec-finished" finished, "demo-exec-cancelled" cancelled.
/// VCF: tasks "7e1c2eee-3177-4e3b-84db-bfebc83f386a", "demo-task-1", "demo-task-2" IN_PROGRESS,
///      "demo-task-cancelled" CANCELLED, "demo-task-done" SUCCESSFUL.
/// BigChange (customer = options.BigChangeCustomerId): jobs 1001..1003 scheduled, 1004 started, 1005 cancelled,
///      1006 suspended, 1007 scheduled but owned by customer 9999 (403).
/// </summary>
public static class DemoData
{
    public static void Seed(SimulatorState state)
    {
        state.OlConnect.AddConfig("Letters-Preset");
        state.OlConnect.AddOperation("4001", "Invoices-Preset", new long[] { 1, 2, 3 }, createOnly: true, progress: 50);

        state.Onedata.AddExecutions(new[] { "demo-exec-1", "demo-exec-2", "demo-exec-3" });
        state.Onedata.AddExecution("demo-exec-finished", "finished");
        state.Onedata.AddExecution("demo-exec-cancelled", "cancelled");

        state.Vcf.AddTasks(new[] { "7e1c2eee-3177-4e3b-84db-bfebc83f386a", "demo-task-1", "demo-task-2" });
        state.Vcf.AddTask("demo-task-cancelled", "CANCELLED");
        state.Vcf.AddTask("demo-task-done", "SUCCESSFUL");

        state.BigChange.AddJobs(new long[] { 1001, 1002, 1003 });
        state.BigChange.AddJob(1004, "started");
        state.BigChange.AddJob(1005, "cancelled");
        state.BigChange.AddJob(1006, "suspended");
        state.BigChange.AddJob(1007, "scheduled", customerId: 9999);
    }
}

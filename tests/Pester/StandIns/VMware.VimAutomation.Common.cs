// A stand-in for PowerCLI's VMware.VimAutomation.Common module, compiled by the tests (Add-Type -OutputAssembly) into
// VMware.VimAutomation.Common.dll: a binary module of that name with a Stop-Task cmdlet and a task type in PowerCLI's
// namespace. A cmdlet, not a function: a function of the same name would win over any cmdlet, ours included.
using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace VMware.VimAutomation.ViCore.Impl.V1.Task
{
    public sealed class TaskImpl
    {
        public string Id { get; set; } = "Task-task-1";
        public string Name { get; set; } = "CloneVM_Task";
        public string State { get; set; } = "Running";
        public override string ToString() => Id;
    }
}

namespace VMware.VimAutomation.Common.StandIn
{
    [Cmdlet(VerbsLifecycle.Stop, "Task", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class StopTaskStandIn : PSCmdlet
    {
        /// <summary>Every task ID this stand-in was asked to stop, in order.</summary>
        public static readonly List<string> Stopped = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public object[] Task { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var given in Task)
            {
                var task = given is PSObject wrapped ? wrapped.BaseObject : given;
                var id = task is VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl impl ? impl.Id : Convert.ToString(task);
                if (id.Contains("refused"))
                {
                    WriteError(new ErrorRecord(new InvalidOperationException("PowerCLI stand-in: the task " + id + " cannot be stopped."), "StandInRefused", ErrorCategory.InvalidOperation, given));
                    continue;
                }
                if (!ShouldProcess(id, "Stop task (PowerCLI stand-in)")) continue;
                lock (Stopped) Stopped.Add(id);
                if (task is VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl stopped) stopped.State = "Cancelled";
                var result = new PSObject();
                result.Properties.Add(new PSNoteProperty("StoppedBy", "PowerCLI stand-in"));
                result.Properties.Add(new PSNoteProperty("Stopped", id));
                WriteObject(result);
            }
        }
    }
}

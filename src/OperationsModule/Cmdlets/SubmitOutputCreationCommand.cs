using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.OLConnect;
using CoreSubmit = OperationsModule.Core.Commands.SubmitOutputCreationCommand;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// Starts OL Connect output creation for Job entities: POST .../outputcreation/{configId}/jobs. All job
    /// IDs piped in go into one request, sent when the pipeline ends.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Submit, "OutputCreation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OutputCreationOperation))]
    public sealed class SubmitOutputCreationCommand : OperationsCmdletBase, System.IDisposable
    {
        private CoreSubmit? _command;

        /// <summary>The Output Creation Preset: its Managed File ID or its name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("PresetId", "OutputPreset")]
        public string? ConfigId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "JobIds", "Identifier")]
        public long[]? JobId { get; set; }

        /// <summary>
        /// Not bound from piped objects: every piped job ID goes into the one request, so no piped object can name
        /// its server.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Uri")]
        public override global::System.Uri? BaseUri { get; set; }

        /// <summary>Produce the output on the server only; do not send it to the preset's destination.</summary>
        [Parameter]
        public SwitchParameter CreateOnly { get; set; }

        /// <summary>Poll the operation's progress (Write-Progress) until done, then emit it with its result.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: seconds between getProgress calls.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = 2;

        /// <summary>With -Wait: bound on the whole wait (not per request: that is -TimeoutSec).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int WaitTimeoutSec { get; set; } = 3600;

        protected override OperationsSystem System => OperationsSystem.OLConnect;

        protected override void BeginProcessing()
        {
            BeginInvocation();
            try
            {
                _command = new CoreSubmit(OpenConnections().For(null), ConfigId, CreateOnly.IsPresent, Port, StopToken)
                {
                    Wait = Wait.IsPresent ? WaitOptions.FromSeconds(PollIntervalSec, WaitTimeoutSec) : null,
                };
                if (_command.ConfigProblem is { } problem) Terminate(problem, ConfigId);
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, BaseUri);
            }
        }

        protected override void ProcessRecord() => _command!.Add(JobId ?? global::System.Array.Empty<long>());

        protected override void EndProcessing()
        {
            _command?.Complete();
            EndConnections();
        }

        public void Dispose()
        {
            EndConnectionsOnDispose();
            _command?.Dispose();
        }
    }
}

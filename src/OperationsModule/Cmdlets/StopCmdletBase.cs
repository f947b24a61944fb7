using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Waiting;

namespace OperationsModule.Cmdlets
{
    /// <summary>The Stop-* cmdlets: bind parameters, then let Core's StopCommand do the work.</summary>
    public abstract class StopCmdletBase : OperationsCmdletBase, System.IDisposable
    {
        private StopCommand? _command;

        /// <summary>Requests in flight at once (1 = strictly sequential, in input order).</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public virtual int ThrottleLimit { get; set; } = 8;

        /// <summary>After each cancel is accepted, read the item until its state is final and emit the result with that state.</summary>
        [Parameter]
        public virtual SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: bound on the whole wait for each item (not per request: that is -TimeoutSec).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public virtual int WaitTimeoutSec { get; set; } = 3600;

        private protected abstract ICancelEndpoint Endpoint { get; }

        /// <summary>How -Wait reads an item's state; null for a system whose -Wait is not available.</summary>
        private protected virtual IItemStateReader? StateReader => null;

        /// <summary>
        /// The IDs of the current pipeline record: one when piped, any number when typed as a list
        /// (-TaskId a, b). Each becomes its own result or error record, through the same engine.
        /// </summary>
        protected abstract IReadOnlyList<string?> CurrentIds { get; }

        private protected virtual CancelArguments CurrentArguments => CancelArguments.None;

        protected override void BeginProcessing()
        {
            BeginInvocation();
            try
            {
                _command = new StopCommand(Endpoint, OpenConnections(), ThrottleLimit, Port, StopToken) { StateReader = StateReader };
                if (Wait.IsPresent) _command.ConfirmWith(StateReaderForWait(), WaitSchedule.FromSeconds(WaitTimeoutSec));
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, BaseUri);
            }
        }

        private IItemStateReader StateReaderForWait() => StateReader
            ?? throw new InputValidationException(nameof(Wait), $"{MyInvocation.MyCommand.Name} cannot read the state of {Endpoint.System} items yet, so it cannot wait for them; leave out -Wait.");

        protected override void ProcessRecord()
        {
            var piped = PipedSession;
            var arguments = CurrentArguments;
            var ids = CurrentIds;
            for (var i = 0; i < ids.Count; i++)
            {
                var taken = false;
                try
                {
                    taken = _command!.Process(ids[i], arguments, piped, PipedServer);
                }
                catch (OperationsApiException ex)
                {
                    // The error ends the command: report the requests in flight first, and start no more.
                    _command!.Drain();
                    Terminate(ex, ids[i]);
                }
                finally
                {
                    // Stopped, or ended by an error: the rest of a typed list is named at Dispose, not dropped.
                    if (!taken) _command!.NotTaken(ids, i + 1);
                }
                if (!taken) break;
            }
            _command!.Flush();
        }

        protected override void EndProcessing()
        {
            _command?.Complete();
            EndConnections();
        }

        public void Dispose()
        {
            // A pipeline torn down early (-ErrorAction Stop, a downstream Select-Object -First) calls Dispose
            // without StopProcessing: cancel whatever is still in flight rather than let it run unobserved.
            StopProcessing();
            EndConnectionsOnDispose();
            _command?.Dispose();
        }
    }
}

using System.Collections.Generic;
using System.Management.Automation;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The Get- cmdlets that find what can be cancelled: with IDs (typed or piped) each is read, with bounded
    /// concurrency; without, the system's list is streamed page by page. Connections resolve as for the Stop- cmdlets
    /// (a piped object's own session or server first), so their output pipes straight into the Stop- command.
    /// </summary>
    public abstract class GetCmdletBase : OperationsCmdletBase, System.IDisposable
    {
        private FindCommand? _command;
        private bool _listed;

        /// <summary>Reads by ID in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public virtual int ThrottleLimit { get; set; } = 8;

        /// <summary>The Core command; set from BeginProcessing on.</summary>
        private protected FindCommand Command => _command!;

        /// <summary>The IDs of the current pipeline record, or null/empty when none was given (then the list is read).</summary>
        protected abstract IReadOnlyList<string?>? CurrentIds { get; }

        /// <summary>Refuses bad filter values before any request (InputValidationException): every item would fail.</summary>
        protected virtual void ValidateFilters()
        {
        }

        /// <summary>Reads one item by ID. False once stopped.</summary>
        protected abstract bool ReadById(string? id);

        /// <summary>Streams the list with the filters given. False once stopped.</summary>
        private protected abstract bool List(ResolvedConnection connection);

        protected override void BeginProcessing()
        {
            BeginInvocation();
            try
            {
                ValidateFilters();
                _command = new FindCommand(OpenConnections(), ThrottleLimit, Port, StopToken);
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, (ex as InputValidationException)?.ParameterName ?? (object?)BaseUri);
            }
        }

        protected override void ProcessRecord()
        {
            var ids = CurrentIds;
            try
            {
                if (ids is null || ids.Count == 0)
                {
                    // One list per invocation, however many records arrive without an ID.
                    if (_listed) return;
                    _listed = true;
                    List(Command.ConnectionFor(PipedSession, PipedServer));
                }
                else
                {
                    foreach (var id in ids)
                        if (!ReadById(id)) break;
                }
            }
            catch (OperationsApiException ex)
            {
                Terminate(ex, ids is { Count: 1 } ? ids[0] : null);
            }
            Command.Flush();
        }

        protected override void EndProcessing()
        {
            _command?.Complete();
            EndConnections();
        }

        public void Dispose()
        {
            // As the Stop- cmdlets: a pipeline torn down early cancels what is in flight and releases its connections.
            StopProcessing();
            EndConnectionsOnDispose();
            _command?.Dispose();
        }
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Engine;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;

namespace OperationsModule.Core.Listing
{
    /// <summary>
    /// Everything a Get- command does, without PowerShell: read items by ID through the bulk engine (bounded
    /// concurrency, one object or one error per ID), or stream a list call's items, applying the filters the server
    /// lacks. No match is zero objects, not an error.
    /// </summary>
    internal sealed class FindCommand : IDisposable
    {
        private readonly ConnectionPlan _connections;
        private readonly BulkEngine _engine;
        private readonly IOperationsOutput _output;
        private readonly CancellationToken _cancellationToken;

        public FindCommand(ConnectionPlan connections, int throttleLimit, IOperationsOutput output, CancellationToken cancellationToken)
        {
            _connections = connections;
            _output = output;
            _cancellationToken = cancellationToken;
            _engine = new BulkEngine(throttleLimit, cancellationToken);
        }

        /// <summary>Pages read by the last list (for verbose lines and tests).</summary>
        public long PagesRead { get; private set; }

        /// <summary>The engine, for diagnostics and tests (peak concurrency of the reads by ID).</summary>
        public BulkEngine Engine => _engine;

        /// <summary>
        /// The connection for a piped item (its own session or server first), as the Stop- commands resolve it.
        /// Throws OperationsApiException (NoSession) when there is none: that fails every item, so it is terminating.
        /// </summary>
        public ResolvedConnection ConnectionFor(OperationsSession? pipedSession = null, Uri? pipedServer = null) => _connections.For(pipedSession, pipedServer);

        /// <summary>
        /// Reads one item by ID: one object, or one error record (a refused ID is refused before the wire). An item
        /// that <paramref name="keep"/> rejects yields nothing. Returns false once stopped.
        /// </summary>
        public bool Read<TItem>(IItemReader<TItem> reader, string? rawId, OperationsSession? pipedSession = null, Uri? pipedServer = null, Func<TItem, bool>? keep = null)
            where TItem : class
        {
            if (_cancellationToken.IsCancellationRequested) return false;
            var connection = ConnectionFor(pipedSession, pipedServer);
            string id;
            try
            {
                id = reader.ValidateId(rawId);
            }
            catch (InputValidationException ex)
            {
                _output.WriteFailure(new Failure(ex, rawId));
                return true;
            }
            return _engine.Add(id, (log, token) => ReadAsync(reader, connection, id, keep, missingIsSilent: false, log, token), _output);
        }

        /// <summary>
        /// Streams a list call's items to the output as the pages arrive, keeping those <paramref name="keep"/> accepts.
        /// A failed page or a server that pages wrongly ends the list with one error record. Returns false once stopped.
        /// </summary>
        public bool List<TItem>(IPageSource<TItem> source, ResolvedConnection connection, Func<TItem, bool>? keep = null)
        {
            return Stream(source, connection, item =>
            {
                if (keep is null || keep(item)) _output.WriteObject(item!);
                _engine.Flush(_output);
                return true;
            });
        }

        /// <summary>
        /// For list calls that give IDs only (Onedata): each listed ID is read with <paramref name="reader"/> through
        /// the engine (bounded concurrency) while the next pages stream in. An item gone between the list and its
        /// read (404) is left out with a verbose line: it no longer exists, which is what a later list would say.
        /// </summary>
        public bool ListThenRead<TItem>(IPageSource<string> source, IItemReader<TItem> reader, ResolvedConnection connection, Func<TItem, bool>? keep = null)
            where TItem : class
        {
            return Stream(source, connection, id => _engine.Add(id, (log, token) => ReadAsync(reader, connection, id, keep, missingIsSilent: true, log, token), _output));
        }

        /// <summary>Hands each listed item to <paramref name="handle"/> (false: stopped); a failed or looping list is one error record.</summary>
        private bool Stream<TListed>(IPageSource<TListed> source, ResolvedConnection connection, Func<TListed, bool> handle)
        {
            var pager = new StreamedPager<TListed>(source, connection.Transport, _output, _cancellationToken);
            try
            {
                foreach (var item in pager)
                    if (!handle(item)) return false;
                return !_cancellationToken.IsCancellationRequested;
            }
            catch (OperationsApiException ex)
            {
                _output.WriteFailure(new Failure(ex, source.What));
                return true;
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            finally
            {
                PagesRead = pager.PagesRead;
            }
        }

        /// <summary>The item, or null (written as nothing by the engine) when it is gone or filtered out.</summary>
        private static async Task<TItem> ReadAsync<TItem>(IItemReader<TItem> reader, ResolvedConnection connection, string id, Func<TItem, bool>? keep, bool missingIsSilent, ILogSink log, CancellationToken token)
            where TItem : class
        {
            var request = reader.BuildRequest(connection.Session, id);
            var response = await connection.Transport.SendAsync(request, log, token).ConfigureAwait(false);
            if (missingIsSilent && response.StatusCode == 404)
            {
                if (log.IsVerboseEnabled) log.WriteVerbose($"{reader.What} '{id}' was listed but is gone (404 on {request.Describe()}): left out.");
                return null!;
            }
            var item = reader.Read(request, response, connection);
            return keep is null || keep(item) ? item : null!;
        }

        /// <summary>Writes what finished meanwhile; ProcessRecord calls it so output streams.</summary>
        public void Flush() => _engine.Flush(_output);

        /// <summary>Waits for the reads in flight, writing their results. False when the run was stopped.</summary>
        public bool Complete() => _engine.Complete(_output);

        public void Dispose()
        {
            _engine.Dispose();
            _connections.Dispose();
        }
    }
}

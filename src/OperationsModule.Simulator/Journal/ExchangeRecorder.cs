using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Faults;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Journal;

/// <summary>
/// Notes how a request was answered on its <see cref="RecordedRequest"/> before the client can see the answer (as the
/// headers go out, or just before the connection is closed), so a test that reads the log right after its request
/// returned finds the outcome there.
/// </summary>
internal sealed class ExchangeRecorder
{
    private readonly HttpContext _context;
    private readonly RecordedRequest _recorded;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ExchangeRecorder(HttpContext context, RecordedRequest recorded)
    {
        _context = context;
        _recorded = recorded;
    }

    public static ExchangeRecorder Start(HttpContext context, RecordedRequest recorded)
    {
        var recorder = new ExchangeRecorder(context, recorded);
        context.Response.OnStarting(() =>
        {
            recorder.Answered();
            return System.Threading.Tasks.Task.CompletedTask;
        });
        Aborts.BeforeAbort(context, recorder.Aborted);
        return recorder;
    }

    /// <summary>The status line is going out (first write wins: a later abort still updates it).</summary>
    public void Answered()
    {
        _recorded.Outcome ??= new RequestOutcome(_context.Response.StatusCode, AppliedFault.Of(_context), _clock.Elapsed, Aborted: false);
    }

    /// <summary>The connection is being closed: by a fault after the headers (a truncated body) or before any answer.</summary>
    public void Aborted()
    {
        int? status = _context.Response.HasStarted ? _context.Response.StatusCode : null;
        _recorded.Outcome = new RequestOutcome(status, AppliedFault.Of(_context), _clock.Elapsed, Aborted: true);
    }

    /// <summary>After the pipeline: an answer with no body has not started yet; a client that left has no outcome yet.</summary>
    public void Finished()
    {
        if (_recorded.Outcome is null)
        {
            if (Aborts.WasAborted(_context))
            {
                Aborted();
            }
            else
            {
                Answered();
            }
        }
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>
/// What the limiters (token bucket, fixed window, outage) share: counting what they admit and refuse, and answering a
/// refusal with the status and a Retry-After in the rule's form ("auto" seconds, "date", or verbatim).
/// </summary>
public abstract class LimiterFault : FaultAction
{
    private readonly int _status;
    private readonly string? _retryAfter;
    private long _admitted;
    private long _refused;

    private protected LimiterFault(int status, string? retryAfter)
    {
        _status = status;
        _retryAfter = retryAfter;
    }

    /// <summary>Requests let through so far.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Requests refused so far (answered with the status).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Counts a refusal answered by closing the connection, and closes it.</summary>
    private protected bool CloseConnection(HttpContext context)
    {
        Interlocked.Increment(ref _refused);
        Aborts.Abort(context);
        return true;
    }

    /// <summary>Counts the decision; a refusal is answered here (true: the response is finished).</summary>
    private protected async Task<bool> AnswerAsync(HttpContext context, bool admitted, TimeSpan wait, DateTimeOffset now)
    {
        Interlocked.Increment(ref admitted ? ref _admitted : ref _refused);
        if (admitted) return false;
        if (RetryAfterValue.Format(_retryAfter, wait, now) is string retryAfter)
            context.Response.Headers["Retry-After"] = retryAfter;
        await Respond.EmptyAsync(context, _status).ConfigureAwait(false);
        return true;
    }
}

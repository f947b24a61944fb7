using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OperationsModule.Simulator.Hosting;

namespace OperationsModule.Simulator.Faults;

/// <summary>Runs the first applicable fault; falls through to normal handling when none applies (or after latency).</summary>
internal static class FaultMiddleware
{
    public static async Task InvokeAsync(HttpContext context, FaultPlan plan, FaultRuntime runtime, Func<Task> next)
    {
        var action = plan.Rules.Count > 0 ? plan.Match(context.Request.Method, RawTarget.Path(context), runtime.Random) : null;
        if (action is null)
        {
            await next().ConfigureAwait(false);
            return;
        }

        if (action is IAnswerWrapper wrapper)
        {
            AppliedFault.Note(context, action);
            await wrapper.WrapAsync(context, runtime, next).ConfigureAwait(false);
            return;
        }

        // Noted first, as the answer may go out during the action; a limiter that admitted the request did nothing
        // to it and is forgotten again (latency and a refused credential did, and go on).
        AppliedFault.Note(context, action);
        var finished = await action.ExecuteAsync(context, runtime).ConfigureAwait(false);
        if (!finished && !action.ChangesPassingRequests)
        {
            AppliedFault.Forget(context);
        }

        if (!finished)
        {
            await next().ConfigureAwait(false);
        }
    }
}

/// <summary>A fault that changes the endpoint's own answer (rather than answering instead of it).</summary>
internal interface IAnswerWrapper
{
    Task WrapAsync(HttpContext context, FaultRuntime runtime, Func<Task> next);
}

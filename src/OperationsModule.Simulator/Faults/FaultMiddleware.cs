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
        if (plan.Rules.Count > 0)
        {
            var action = plan.Match(context.Request.Method, RawTarget.Path(context), runtime.Random);
            if (action is not null && await action.ExecuteAsync(context, runtime).ConfigureAwait(false))
            {
                return;
            }
        }

        await next().ConfigureAwait(false);
    }
}

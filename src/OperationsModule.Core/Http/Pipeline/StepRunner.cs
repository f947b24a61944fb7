using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Runs a call from one step to the wire: every step that can (<see cref="SendStep.TryEnter"/>) is entered inline, the
    /// first that cannot runs whole and calls the rest itself, and the answer then passes the entered steps innermost
    /// first, each of which may still act on it. One async frame for the entered steps, none when none of them watches.
    /// </summary>
    internal static class StepRunner
    {
        public static Task<ApiResponse> Run(SendContext context, int start)
        {
            var steps = context.Steps;
            var entered = start;
            var watched = false;
            Task<ApiResponse> rest;
            try
            {
                while (entered < steps.Count && steps[entered].TryEnter(context))
                    watched |= steps[entered++].WatchesAnswers;
                rest = entered < steps.Count
                    ? steps[entered].SendAsync(context, new SendNext(context, entered + 1))
                    : context.Terminal.SendAsync(context);
            }
            catch (Exception failure)
            {
                // Thrown before anything was sent (a refused transport, a bad header): the entered steps still see it.
                rest = Task.FromException<ApiResponse>(failure);
            }
            return watched ? LeaveAsync(context, start, entered, rest) : rest;
        }

        /// <summary>The answer (or failure) of the rest, through the entered steps from the innermost out.</summary>
        private static async Task<ApiResponse> LeaveAsync(SendContext context, int start, int entered, Task<ApiResponse> rest)
        {
            ApiResponse? answer = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                answer = await rest.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            for (var i = entered - 1; i >= start; i--)
            {
                var step = context.Steps[i];
                if (!step.WatchesAnswers) continue;
                try
                {
                    if (failure is null)
                    {
                        if (!step.Passes(context, answer!)) answer = await step.ActOnAsync(context, new SendNext(context, i + 1), answer!).ConfigureAwait(false);
                    }
                    else if (!step.PassesFailure(context, failure.SourceException))
                    {
                        answer = await step.ActOnFailureAsync(context, new SendNext(context, i + 1), failure.SourceException).ConfigureAwait(false);
                        failure = null;
                    }
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                    answer = null;
                }
            }
            failure?.Throw();
            return answer!;
        }
    }
}

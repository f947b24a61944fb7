using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>
    /// Runs a call from one step to the wire: every step that can (<see cref="SendStep.TryEnter"/>) is entered inline, the
    /// first that cannot runs whole and calls the rest itself, and the answer then passes the entered steps innermost
    /// first, each of which may still act on it. One async frame for a whole call; from a step on, one for the entered
    /// steps, none when none of them watches.
    /// </summary>
    internal static class StepRunner
    {
        /// <summary>A whole call, in one frame with its secret scope and its totals (see <see cref="PassAsync"/>).</summary>
        public static Task<ApiResponse> RunCall(SendContext context) => PassAsync(context, 0, 0, null);

        /// <summary>The rest of a call from step <paramref name="start"/> on (a step's next).</summary>
        public static Task<ApiResponse> Run(SendContext context, int start)
        {
            var rest = Enter(context, start, out var entered, out var watched);
            return watched ? PassAsync(context, start, entered, rest) : rest;
        }

        /// <summary>Enters steps inline from <paramref name="start"/> while they can; returns what the rest answers.</summary>
        private static Task<ApiResponse> Enter(SendContext context, int start, out int entered, out bool watched)
        {
            var steps = context.Steps;
            entered = start;
            watched = false;
            try
            {
                while (entered < steps.Count && steps[entered].TryEnter(context))
                    watched |= steps[entered++].WatchesAnswers;
                return entered < steps.Count
                    ? steps[entered].SendAsync(context, new SendNext(context, entered + 1))
                    : context.Terminal.SendAsync(context);
            }
            catch (Exception failure)
            {
                // Thrown before anything was sent (a refused transport, a bad header): the entered steps still see it.
                return Task.FromException<ApiResponse>(failure);
            }
        }

        /// <summary>
        /// The answer (or failure) of the rest, through the entered steps from the innermost out. Without
        /// <paramref name="rest"/> it is a whole call: it enters the steps itself, inside the secret scope it opens (an
        /// async method's AsyncLocal write ends with it, so every secret the call and a login it makes sends or receives
        /// is masked in what the server answers), and stamps the call's time and attempts on the answer.
        /// </summary>
        private static async Task<ApiResponse> PassAsync(SendContext context, int start, int entered, Task<ApiResponse>? rest)
        {
            var wholeCall = rest is null;
            var started = 0L;
            if (wholeCall)
            {
                Secrets.SecretScope.EnterForAsyncMethod();
                started = Stopwatch.GetTimestamp();
                rest = Enter(context, start, out entered, out _);
            }
            ApiResponse? answer = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                answer = await rest!.ConfigureAwait(false);
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
            if (wholeCall) answer!.SetTotals(Elapsed.Since(started), context.Attempt);
            return answer!;
        }
    }
}

using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Pipeline;

namespace OperationsModule.Core.Tests.Http.Pipeline;

/// <summary>
/// Every step test again, with each step run whole (its SendAsync), never inline: a step must do the same either way,
/// since the runner takes the inline form for ordinary calls and the whole one when a call needs it.
/// </summary>
public class WholeStepTests : StepTests
{
    private protected override SendStep Wrap(SendStep step) => new WholeOnly(step);

    /// <summary>Declines every inline entry, so the runner hands the call to the step's SendAsync.</summary>
    internal sealed class WholeOnly : SendStep
    {
        private readonly SendStep _step;

        public WholeOnly(SendStep step) => _step = step;

        public override Task<ApiResponse> SendAsync(SendContext context, SendNext next) => _step.SendAsync(context, next);
    }
}

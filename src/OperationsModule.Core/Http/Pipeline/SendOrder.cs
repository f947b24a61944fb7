using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OperationsModule.Core.Auth;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>The order of the send steps, written once, and how one call runs through them.</summary>
    internal static class SendOrder
    {
        /// <summary>
        /// Outermost first. The call count around everything, so a call counts once however often it is sent (a login,
        /// anonymous, is part of the call that needed it and is not counted again). Redirects outside retries, so every
        /// hop shares the call's retry budget; the unreachable-server hold outside retries, so a request held while
        /// others probe a dead server spends none of its own; the connection-limit wait inside retries, so waiting out
        /// the server's limit never spends one; the credential rule before authentication, so a refused transport never
        /// logs in; authentication before the throttle gate, so a login never waits for a place its own request holds;
        /// the message built per attempt once the gate admits it.
        /// </summary>
        /// <param name="authenticator">Null for the anonymous pipeline (logins, refreshes, revocations): no authenticate step.</param>
        /// <remarks>Built once per transport and shared by its calls: a call's own counters live in its SendContext.</remarks>
        public static IReadOnlyList<SendStep> For(SendPipeline transport, IAuthenticator? authenticator, Func<double> jitter)
        {
            var options = transport.Options;
            var clock = new GateClock(transport.Throttle);
            var steps = new List<SendStep>(12);
            if (authenticator is not null) steps.Add(new CallCountStep(transport.Throttle));
            steps.AddRange(new SendStep[]
            {
                new RedirectStep(options),
                new UnreachableServerStep(transport.Reachability, transport),
                new RetryStep(options, clock, jitter, transport.Reachability),
                new ConnectionLimitWaitStep(options, clock, jitter),
                new ProxyRefusalStep(options),
                new CredentialTransportStep(options, authenticator ?? NoAuthenticator.Instance),
            });
            if (authenticator is not null) steps.Add(new AuthenticateStep(authenticator, transport));
            // Always in the list: it passes calls on untouched while the options say -NoAdaptiveThrottling.
            steps.Add(new ThrottleStep(transport.Throttle, options));
            steps.Add(new MessageStep(options));
            steps.Add(new LogStep());
            return steps;
        }

        /// <summary>Runs <paramref name="context"/> through the steps, outermost first, to the terminal sender.</summary>
        public static Task<ApiResponse> Run(IReadOnlyList<SendStep> steps, ITerminalSender terminal, SendContext context)
        {
            context.Steps = steps;
            context.Terminal = terminal;
            return new SendNext(context, 0).SendAsync();
        }

        /// <summary>As <see cref="Run"/>, for a whole call: in its own secret scope, with its time and attempts on the answer.</summary>
        public static Task<ApiResponse> RunCall(IReadOnlyList<SendStep> steps, ITerminalSender terminal, SendContext context)
        {
            context.Steps = steps;
            context.Terminal = terminal;
            return StepRunner.RunCall(context);
        }
    }
}

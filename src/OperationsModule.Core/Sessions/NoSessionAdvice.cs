using System;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Systems;

namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// The NoSession error: no -Session, no -BaseUri and no default session. It names the server when one is known
    /// (the piped object's Server or Session) instead of a made-up one, and the commands as the user imported them.
    /// </summary>
    internal static class NoSessionAdvice
    {
        public static OperationsApiException Create(ConnectionRequest request, Uri? knownServer)
        {
            var names = request.Names ?? CommandNames.Plain;
            var system = request.System;
            var server = knownServer is { IsAbsoluteUri: true } ? UriText.ForDisplay(UriText.Sanitize(knownServer)) : null;
            var connect = $"{names.Connect} -System {system} -BaseUri {server ?? SystemCatalog.Get(system).ExampleBaseUri} -Credential (Get-Credential)";
            var message = server is null
                ? $"There is no {system} session. Run '{connect}' first, or pass -BaseUri with -Credential or -Token to {names.ThisCommand}."
                : $"There is no {system} session. The piped object names its server, {server}: pass -Credential or -Token to {names.ThisCommand}, or run '{connect}' first.";
            return new OperationsApiException(message, ErrorIds.NoSession, ErrorCategoryName.InvalidOperation)
            {
                RecommendedAction = connect,
            };
        }
    }
}

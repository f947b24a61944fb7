using System;
using System.Globalization;
using System.Net.Http;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// The one rule for every header value the module writes: printable ASCII only (space to '~'). A CR or LF would
    /// end the header line and let the value add headers or a whole second request; NUL and other control
    /// characters are cut or refused differently by each runtime; non-ASCII has no agreed encoding. Values are
    /// written without .NET's per-header parsing, so this check is what stands between a value and the wire.
    /// </summary>
    internal static class HeaderValues
    {
        /// <summary>What is wrong with the value in words ("the control character U+000D (CR)"), or null when it may be sent.</summary>
        public static string? Problem(string? value)
        {
            if (value is null) return null;
            foreach (var c in value)
            {
                if (c >= ' ' && c <= '~') continue;
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return char.IsControl(c) ? $"the control character U+{code}{Name(c)}" : $"the non-ASCII character U+{code}";
            }
            return null;
        }

        /// <summary>Refuses a value the user typed (InvalidParameter naming the parameter; the value itself is never echoed).</summary>
        public static string CheckTyped(string parameterName, string headerName, string value) =>
            Problem(value) is { } problem ? throw HeaderOrigin.Parameter(parameterName).Refuse(headerName, problem) : value;

        /// <summary>
        /// The only way the module puts a header on a request: checked against the rule, then added as is. A value that
        /// breaks the rule is refused as its origin says (InvalidParameter for a typed value, UnexpectedResponse for a
        /// server-issued one) and nothing is sent.
        /// </summary>
        public static void Write(HttpRequestMessage message, string headerName, string value, HeaderOrigin origin)
        {
            if (Problem(value) is { } problem) throw origin.Refuse(headerName, problem);
            if (!IsHeaderName(headerName))
                throw new InvalidOperationException($"'{headerName}' is not a header name.");
            message.Headers.Remove(headerName);
            if (Redactor.IsSecretHeader(headerName)) Secrets.SecretScope.Current?.AddHeaderValue(value);
            if (!message.Headers.TryAddWithoutValidation(headerName, value))
                throw new InvalidOperationException($"The {headerName} header cannot be set on a request.");
        }

        private static readonly char[] NameBreakers = { ':', ' ', '(', ')', '<', '>', '@', ',', ';', '\\', '"', '/', '[', ']', '?', '=', '{', '}' };

        // The characters a header name (a token) may hold, as a table: the check runs for every header of every request.
        private static readonly bool[] NameCharacters = NameCharacterTable();

        private static bool[] NameCharacterTable()
        {
            var table = new bool[128];
            for (var c = '!'; c <= '~'; c++) table[c] = Array.IndexOf(NameBreakers, c) < 0;
            return table;
        }

        private static bool IsHeaderName(string name)
        {
            if (name.Length == 0) return false;
            foreach (var c in name)
                if (c >= NameCharacters.Length || !NameCharacters[c]) return false;
            return true;
        }

        private static string Name(char c) => c switch
        {
            '\r' => " (CR)",
            '\n' => " (LF)",
            '\0' => " (NUL)",
            '\t' => " (TAB)",
            _ => string.Empty,
        };
    }

    /// <summary>Where a header value came from, which decides how a value that breaks the rule is refused.</summary>
    internal sealed class HeaderOrigin
    {
        private readonly string? _parameterName;
        private readonly string? _issuedWhat;

        private HeaderOrigin(string? parameterName, string? issuedWhat)
        {
            _parameterName = parameterName;
            _issuedWhat = issuedWhat;
        }

        /// <summary>A value the user typed: refused as InvalidParameter naming -<paramref name="name"/>.</summary>
        public static HeaderOrigin Parameter(string name) => new HeaderOrigin(name, null);

        /// <summary>A value the server issued that the module sends back (a token): refused as UnexpectedResponse.</summary>
        public static HeaderOrigin Server(string what) => new HeaderOrigin(null, what);

        /// <summary>-UserAgent (typed for the session or the call; the cmdlets' default is printable too).</summary>
        public static readonly HeaderOrigin UserAgent = Parameter("UserAgent");

        /// <summary>-Token, whichever header carries it.</summary>
        public static readonly HeaderOrigin Token = Parameter("Token");

        /// <summary>A value the module itself composed (Accept, Basic of base64, a number).</summary>
        public static readonly HeaderOrigin Module = new HeaderOrigin(null, null);

        internal OperationsApiException Refuse(string headerName, string problem)
        {
            if (_parameterName is not null)
                return new InputValidationException(_parameterName, $"the value contains {problem}, which cannot go into the {headerName} header (it could add header lines or a second request to the connection).");
            if (_issuedWhat is not null)
                return new OperationsApiException(
                    $"The server issued {_issuedWhat} that contains {problem}; the module does not send it back in the {headerName} header, where it could add header lines or a second request.",
                    ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult)
                {
                    RecommendedAction = "Check that -BaseUri points at the real server, and that nothing between you and it rewrites its answers.",
                };
            return new OperationsApiException($"The module composed a {headerName} header value that contains {problem}; nothing was sent.", ErrorIds.InvalidParameter, ErrorCategoryName.InvalidArgument);
        }
    }
}

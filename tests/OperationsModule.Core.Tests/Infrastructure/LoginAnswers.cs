using System;
using System.Globalization;
using System.Text.Json;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>
    /// What a server that logs in anyone answers to each system's login or token call, for scripted
    /// <see cref="RawHttpListener"/> servers: OL Connect's text token, VCF's TokenPair, BigChange's OAuth token.
    /// </summary>
    internal static class LoginAnswers
    {
        /// <summary>The answer issuing <paramref name="token"/> when <paramref name="request"/> is a login or token call; null for any other request.</summary>
        public static string? Issue(RawRequest request, string token) => request.Path switch
        {
            var p when p.EndsWith("/authentication/login", StringComparison.Ordinal) => OlConnect(token),
            var p when p.EndsWith("/v1/tokens", StringComparison.Ordinal) => Vcf(token),
            var p when p.EndsWith("/auth/tokens", StringComparison.Ordinal) => BigChange(token),
            _ => null,
        };

        /// <summary>A server that logs in anyone and answers every other call 204 (an accepted cancel).</summary>
        public static string IssueOrAccept(RawRequest request, string token = "tok-good") => Issue(request, token) ?? RawHttpListener.Answer(204);

        /// <summary>POST authentication/login: the token as text, with any extra header lines (Token-Expires-In).</summary>
        public static string OlConnect(string token, params string[] headerLines) => RawHttpListener.Answer(200, token, "text/plain", headerLines);

        /// <summary>POST /v1/tokens: 201 with a TokenPair.</summary>
        public static string Vcf(string accessToken, string refreshId = "refresh-1") =>
            RawHttpListener.Answer(201, JsonSerializer.Serialize(new { accessToken, refreshToken = new { id = refreshId } }), "application/json");

        /// <summary>POST /auth/tokens: an OAuth client-credentials answer, expires_in as given (any number a server may send).</summary>
        public static string BigChange(string accessToken, long expiresIn = 3600) =>
            RawHttpListener.Answer(200, "{\"access_token\":" + JsonSerializer.Serialize(accessToken) + ",\"expires_in\":" + expiresIn.ToString(CultureInfo.InvariantCulture) + "}", "application/json");
    }
}

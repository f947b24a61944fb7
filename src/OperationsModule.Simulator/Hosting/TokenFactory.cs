using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OperationsModule.Simulator.Hosting;

/// <summary>Opaque and JWT-shaped tokens. Unpredictable on purpose: tokens are secrets, not test fixtures.</summary>
internal static class TokenFactory
{
    public static string Opaque(string prefix) =>
        prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>A JWT look-alike (unsigned) so clients that read 'exp' find a real claim.</summary>
    public static string JwtLike(string issuer, string audience, string subject, DateTimeOffset expiresAt)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = subject,
            ["iat"] = now,
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        return B64(header.ToJsonString()) + "." + B64(payload.ToJsonString()) + "." +
               Base64Url(RandomNumberGenerator.GetBytes(32));
    }

    private static string B64(string s) => Base64Url(Encoding.UTF8.GetBytes(s));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

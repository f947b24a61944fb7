using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OperationsModule.Core.Commands;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Systems.BigChange;
using OperationsModule.Core.Systems.OLConnect;
using OperationsModule.Core.Systems.Onedata;
using OperationsModule.Core.Systems.Vcf;
using OperationsModule.Core.Tests.Infrastructure;
using Xunit;
using static OperationsModule.Core.Tests.Security.SecurityHarness;

namespace OperationsModule.Core.Tests.Security
{
    /// <summary>
    /// Servers that quote back what they were sent or issued, in each system's error shape: the password in a VCF
    /// Spring-style parse error (JSON-escaped inside a JSON message), the bearer token in a VCF 401, the X-Auth-Token
    /// in a Onedata badToken, the client secret (form-encoded and plain) in a BigChange problem, the password and the
    /// Basic header in an OL Connect 401. None of them may reach a message, ErrorDetails, RawBody, VendorError,
    /// -Verbose or -Debug: each is masked by value where the answer is read.
    /// </summary>
    public sealed class QuotedSecretTests
    {
        // Characters that change under JSON, URL and form encoding, so each quoted form is exercised.
        private const string VcfPassword = "Vcf\"pä\\ss/Wörd";
        private const string BigChangeSecret = "bc+sec/ret&=ü x";
        private const string OnedataToken = "MDAx-od/tok+en=QuOtEd";
        private const string OlPassword = "ol-pä\"ss\\w0rd";

        [Fact]
        public async Task A_VCF_400_quoting_the_login_body_Spring_style_shows_no_password()
        {
            string? sentBody = null;
            await using var server = new RawHttpListener(request =>
            {
                sentBody = request.Body;
                // Jackson quotes the body it could not read inside its own JSON message: \"password\":\"...\" escaped once more.
                var message = "JSON parse error: Unrecognized token in " + request.Body + " at [Source: (PushbackInputStream); line: 1]";
                return RawHttpListener.Answer(400, "{\"errorCode\":\"HttpMessageNotReadableException\",\"message\":\"" + JsonQuote(message)
                    + "\",\"remediationMessage\":\"Check " + JsonQuote(request.Body) + "\",\"referenceToken\":\"REF-" + JsonQuote(request.Body) + "\"}", "application/json");
            });

            var output = Run(TaskCancelEndpoint.Instance, OperationsSystem.Vcf, server, Connections.Credential("administrator@vsphere.local", VcfPassword), null, "t-1");

            var failure = Assert.Single(output.Failures);
            Assert.Equal(400, failure.Exception.StatusCode);
            Assert.NotNull(sentBody);
            Assert.Contains("JSON parse error", failure.DetailsMessage);
            AssertMasked(output, VcfPassword, sentBody!, JsonQuote(sentBody!));
        }

        [Fact]
        public async Task A_VCF_401_quoting_the_bearer_token_shows_neither_token_nor_refresh_id()
        {
            var issued = new ConcurrentBag<string>();
            await using var server = new RawHttpListener(request =>
            {
                if (request.Method == "POST" && request.Path == "/v1/tokens")
                {
                    var access = "eyJhbGciOiJIUzI1NiJ9.access-" + issued.Count.ToString(CultureInfo.InvariantCulture) + ".sig";
                    var refresh = "refresh-id-" + Guid.NewGuid().ToString("N");
                    issued.Add(access);
                    issued.Add(refresh);
                    return LoginAnswers.Vcf(access, refresh);
                }
                if (request.Method == "PATCH")
                {
                    var renewed = "eyJhbGciOiJIUzI1NiJ9.renewed-" + Guid.NewGuid().ToString("N") + ".sig";
                    issued.Add(renewed);
                    return RawHttpListener.Answer(200, JsonSerializer.Serialize(renewed), "application/json");
                }
                var authorization = request.Header("Authorization") ?? string.Empty;
                var token = authorization.Substring(authorization.IndexOf(' ') + 1);
                return RawHttpListener.Answer(401, JsonSerializer.Serialize(new
                {
                    errorCode = "TOKEN_NOT_VALID",
                    message = $"The token {token} is not valid.",
                    remediationMessage = $"Request a new token; the request carried '{authorization}'.",
                    referenceToken = token,
                }), "application/json", "X-Request-Id: " + token);
            });

            var output = Run(TaskCancelEndpoint.Instance, OperationsSystem.Vcf, server, Connections.Credential("administrator@vsphere.local", VcfPassword), null, "t-1");

            var failure = Assert.Single(output.Failures);
            Assert.Equal(401, failure.Exception.StatusCode);
            Assert.True(issued.Count >= 3, "a token, its refresh id and a renewed token were issued");
            AssertMasked(output, issued.Concat(new[] { VcfPassword }).ToArray());
        }

        [Fact]
        public async Task A_Onedata_badToken_quoting_the_X_Auth_Token_shows_no_token()
        {
            await using var server = new RawHttpListener(request =>
            {
                var token = request.Header("X-Auth-Token") ?? string.Empty;
                return RawHttpListener.Answer(400, JsonSerializer.Serialize(new
                {
                    error = new { id = "badToken", description = "Provided token could not be understood by the server: " + token, details = new { token } },
                }), "application/json");
            });

            var output = Run(WorkflowExecutionCancelEndpoint.Instance, OperationsSystem.Onedata, server, null, Connections.Secret(OnedataToken), "wid-1");

            var failure = Assert.Single(output.Failures);
            Assert.Equal(ErrorIds.Unauthorized, failure.ErrorId);
            AssertMasked(output, OnedataToken, JsonSerializer.Serialize(OnedataToken).Trim('"'));
        }

        [Fact]
        public async Task A_BigChange_token_error_quoting_the_client_secret_shows_no_secret()
        {
            string? form = null;
            await using var server = new RawHttpListener(request =>
            {
                form = request.Body;
                return RawHttpListener.Answer(401, JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["type"] = "https://api.bigchange.com/problems/invalid-client",
                    ["title"] = "invalid_client",
                    ["status"] = 401,
                    ["detail"] = "Client authentication failed for the request " + request.Body,
                    ["errors"] = new Dictionary<string, string[]> { ["client_secret"] = new[] { $"'{BigChangeSecret}' is not the secret of bc-client." } },
                    ["traceId"] = BigChangeSecret,
                }), "application/problem+json");
            });

            var output = Run(JobCancelEndpoint.Instance, OperationsSystem.BigChange, server, Connections.Credential("bc-client", BigChangeSecret), null, "1901",
                new CancelArguments { Reason = "r", CustomerId = 4242 });

            var failure = Assert.Single(output.Failures);
            Assert.Equal(401, failure.Exception.StatusCode);
            Assert.NotNull(form);
            AssertMasked(output, BigChangeSecret, form!, Uri.EscapeDataString(BigChangeSecret), System.Net.WebUtility.UrlEncode(BigChangeSecret));
        }

        [Fact]
        public async Task An_OL_Connect_401_quoting_the_password_and_the_Basic_header_shows_neither()
        {
            await using var server = new RawHttpListener(request =>
            {
                var authorization = request.Header("Authorization") ?? string.Empty;
                return RawHttpListener.Answer(401, JsonSerializer.Serialize(new
                {
                    error = new { status = 401, message = $"Login failed for ol-admin with the password {OlPassword} ({authorization}).", parameter = authorization },
                }), "application/json");
            });

            var output = Run(OutputCreationCancelEndpoint.Instance, OperationsSystem.OLConnect, server, Connections.Credential("ol-admin", OlPassword), null, "op-1");

            var failure = Assert.Single(output.Failures);
            Assert.Equal(401, failure.Exception.StatusCode);
            var basic = Base64("ol-admin:" + OlPassword);
            AssertMasked(output, OlPassword, basic, JsonSerializer.Serialize(OlPassword).Trim('"'));
        }

        [Fact]
        public async Task A_short_secret_is_masked_where_it_stands_alone_but_words_that_contain_it_stay_readable()
        {
            await using var server = new RawHttpListener(request =>
                RawHttpListener.Answer(400, JsonSerializer.Serialize(new
                {
                    error = new { id = "badToken", description = "the token 'ab' is not valid; tabs and labels are fine", details = new { } },
                }), "application/json"));

            var output = Run(WorkflowExecutionCancelEndpoint.Instance, OperationsSystem.Onedata, server, null, Connections.Secret("ab"), "wid-1");

            var details = Assert.Single(output.Failures).DetailsMessage;
            Assert.Contains("the token '***' is not valid; tabs and labels are fine", details);
        }

        [Theory]
        [InlineData("iso-8859-1")]
        [InlineData("ISO-8859-1")]
        [InlineData("\"latin1\"")]
        [InlineData("utf-16")]
        [InlineData("utf-16be")]
        [InlineData(null)]
        public async Task An_error_body_is_read_in_the_charset_it_names_and_as_UTF8_when_it_names_none(string? charset)
        {
            const string Words = "Conflit: tâche déjà annulée";
            var body = JsonSerializer.Serialize(new { error = new { id = "alreadyCancelled", description = Words, details = new { } } },
                new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            var encoding = charset is null ? new UTF8Encoding(false) : Encoding.GetEncoding(charset.Trim('"') == "utf-16" ? "utf-16" : charset.Trim('"'));
            var contentType = "Content-Type: application/json" + (charset is null ? string.Empty : "; charset=" + charset);
            await using var server = new RawHttpListener(_ => RawHttpListener.AnswerBytes(409, encoding.GetBytes(body), contentType));

            var output = Run(WorkflowExecutionCancelEndpoint.Instance, OperationsSystem.Onedata, server, null, Connections.Secret(OnedataToken), "wid-1");

            var failure = Assert.Single(output.Failures);
            Assert.Equal(Words, failure.Exception.VendorError?.Message);
            Assert.Contains(Words, failure.Exception.Message);
            Assert.Contains(Words, failure.Exception.RawBody);
        }

        [Fact]
        public async Task A_UTF16_byte_order_mark_wins_over_a_missing_charset()
        {
            const string Words = "Conflit: tâche déjà annulée";
            var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"error\":{\"id\":\"x\",\"description\":\"" + Words + "\"}}")).ToArray();
            await using var server = new RawHttpListener(_ => RawHttpListener.AnswerBytes(409, bytes, "Content-Type: application/json"));

            var output = Run(WorkflowExecutionCancelEndpoint.Instance, OperationsSystem.Onedata, server, null, Connections.Secret(OnedataToken), "wid-1");

            Assert.Equal(Words, Assert.Single(output.Failures).Exception.VendorError?.Message);
        }

        private static RecordingOutput Run(ICancelEndpoint endpoint, OperationsSystem system, RawHttpListener server, Core.Secrets.SecretCredential? credential, Core.Secrets.SecretText? token, string id, CancelArguments? arguments = null)
        {
            var request = Connections.PerCall(system, server.BaseUri, credential, token);
            var output = new RecordingOutput { IsDebugEnabled = true, IsVerboseEnabled = true };
            return RunStop(endpoint, request, new SessionStore(), id, arguments ?? CancelArguments.None, output);
        }

        /// <summary>Every text a user can see: the records (all their fields, the vendor's words), -Verbose, -Debug, warnings.</summary>
        private static List<(string Where, string Text)> Everything(RecordingOutput output)
        {
            var texts = output.AllText().Select(t => ("output", t)).ToList();
            foreach (var failure in output.Failures)
            {
                var e = failure.Exception;
                texts.Add(("message", e.Message));
                texts.Add(("correlation", e.CorrelationId ?? string.Empty));
                if (e.VendorError is { } vendor)
                {
                    texts.Add(("vendor", vendor.ToString()));
                    texts.Add(("vendor", string.Join("|", vendor.Code, vendor.Message, vendor.Remediation, vendor.CorrelationId)));
                    texts.AddRange(vendor.Details.Select(d => ("vendor detail " + d.Key, d.Value)));
                    texts.AddRange(vendor.FieldErrors.Select(f => ("vendor field " + f.Key, string.Join("|", f.Value))));
                }
            }
            return texts;
        }

        /// <summary>No form of any secret anywhere, and the server's quote was there: masked, not dropped.</summary>
        private static void AssertMasked(RecordingOutput output, params string[] secrets)
        {
            var texts = Everything(output);
            Assert.NotEmpty(output.Debug);
            foreach (var secret in secrets.Where(s => s.Length > 0))
            {
                var found = texts.Where(t => t.Text.IndexOf(secret, StringComparison.OrdinalIgnoreCase) >= 0).Select(t => t.Where + ": " + t.Text).ToList();
                Assert.True(found.Count == 0, $"'{secret}' leaked in: {string.Join(Environment.NewLine, found)}");
            }
            Assert.Contains(texts, t => t.Text.Contains("***"));
        }

        /// <summary>What a Java server's JSON writer does to a string: quote, backslash and control characters escaped.</summary>
        private static string JsonQuote(string text)
        {
            var result = new StringBuilder();
            foreach (var c in text)
            {
                if (c == '"' || c == '\\') result.Append('\\').Append(c);
                else if (c < ' ') result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else result.Append(c);
            }
            return result.ToString();
        }
    }
}

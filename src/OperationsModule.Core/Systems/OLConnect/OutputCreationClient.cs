using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Output;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>Process Output Creation (By Job) (JSON): one request for a list of job IDs.</summary>
    internal static class OutputCreationClient
    {
        public static ApiRequest BuildSubmit(Uri baseUri, string configId, IReadOnlyList<long> jobIds, bool createOnly) =>
            new ApiRequest(HttpMethod.Post, OlConnectPaths.SubmitByJobs(baseUri, configId))
            {
                // Only the two fields every cookbook version documents.
                Body = JsonSerializer.Serialize(new IdentifierList { Identifiers = jobIds.ToArray(), CreateOnly = createOnly }),
                BodyMediaType = "application/json",
                MayCreateWork = true,
            };

        public static async Task<OutputCreationOperation> SubmitAsync(ResolvedConnection connection, ApiRequest request, string configId, IReadOnlyList<long> jobIds, bool createOnly, ILogSink log, CancellationToken cancellationToken)
        {
            var submittedAt = DateTimeOffset.Now;
            var subject = $"Submitting output creation with preset '{configId}' for {Output.Counted.Of(jobIds.Count, "job")} failed";
            ApiResponse response;
            try
            {
                response = await connection.Transport.SendAsync(request, log, cancellationToken).ConfigureAwait(false);
            }
            catch (ResponseIncompleteException cutOff) when (cutOff.Partial.StatusCode is 200 or 202 && !string.IsNullOrWhiteSpace(cutOff.Partial.Header("operationId")))
            {
                // The work exists on the server: the record keeps its ID rather than losing it with the body.
                throw new IncompleteSubmission(cutOff, ServerIdentifier(cutOff.Partial.Header("operationId")!.Trim(), subject, request, cutOff.Partial), subject);
            }
            if (response.StatusCode != 202 && response.StatusCode != 200)
                throw Refused(request, response, configId, jobIds, subject);
            var operationId = response.Header("operationId");
            if (string.IsNullOrWhiteSpace(operationId))
                throw FailureBuilder.UnexpectedShape($"{subject}: the server answered {response.StatusCode} without an operationId header.", request, response,
                    "Check that -BaseUri points at OL Connect Server's REST API.");
            var id = ServerIdentifier(operationId!.Trim(), subject, request, response);
            // The Link targets are shown on the output only; no request is ever sent to them.
            var links = LinkHeaderParser.Parse(response.HeaderValues("Link"), request.Uri);
            var operationLinks = new OperationLinks(Find(links, "progress"), Find(links, "result"), Find(links, "cancel"));
            return new OutputCreationOperation(id, configId, jobIds.ToArray(), createOnly, operationLinks,
                connection.Session.BaseUri, submittedAt, connection.PipeableSession);
        }

        /// <summary>
        /// The operationId goes into later URLs (progress, result, cancel): it passes the same rule as a typed ID, and
        /// one that fails it ("..", "a/b") is refused as the server's fault. The server did accept the job, so the
        /// message says so.
        /// </summary>
        private static string ServerIdentifier(string operationId, string subject, ApiRequest request, ApiResponse response)
        {
            try
            {
                return IdValidator.Validate("OperationId", operationId);
            }
            catch (InputValidationException ex)
            {
                var problem = ex.Message.Substring(ex.Message.IndexOf(':') + 1).Trim();
                throw FailureBuilder.UnexpectedShape(
                    $"{subject}: the server accepted the request ({response.StatusCode}) but answered an operationId that cannot be used in a request URL ({problem}). The job may be running; check the server.",
                    request, response, "Check that -BaseUri points at OL Connect Server's REST API, and look the operation up on the server.");
            }
        }

        /// <summary>
        /// The refusal, naming the jobs the server did not find when its 404 says which: in the message, in the vendor's
        /// words shown as ErrorDetails, and in the advice (the command makes them the TargetObject too).
        /// </summary>
        private static OperationsApiException Refused(ApiRequest request, ApiResponse response, string configId, IReadOnlyList<long> jobIds, string subject)
        {
            var missing = response.StatusCode == 404 ? MissingJobs.Find(OlConnectErrorParser.Instance.Parse(response), configId, jobIds) : null;
            if (missing is null) return FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, subject);
            var named = MissingJobs.Describe(missing);
            var failure = FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance,
                $"Submitting output creation with preset '{configId}' failed: OL Connect does not know {named}");
            if (failure.VendorError is { } vendor)
                vendor.Message = string.IsNullOrWhiteSpace(vendor.Message) ? $"Not found: {named}." : $"{vendor.Message!.TrimEnd('.', ' ')} ({named}).";
            failure.RecommendedAction = MissingJobs.Advice(missing, jobIds.Count);
            return failure;
        }

        private static Uri? Find(IReadOnlyDictionary<string, Uri> links, string rel) => links.TryGetValue(rel, out var uri) ? uri : null;

        private sealed class IdentifierList
        {
            [System.Text.Json.Serialization.JsonPropertyName("identifiers")]
            public long[] Identifiers { get; set; } = Array.Empty<long>();

            [System.Text.Json.Serialization.JsonPropertyName("createOnly")]
            public bool CreateOnly { get; set; }
        }
    }
}

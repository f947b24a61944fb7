using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Systems.OLConnect.Listing
{
    /// <summary>
    /// GET getOperations (the running operations: one JSON array, not paged) and GET getProgress/{id} (one
    /// operation's percentage or "done"): the requests and how their answers read.
    /// </summary>
    internal static class OutputCreationListClient
    {
        private static readonly JsonAnswer ListAnswer = new JsonAnswer("Listing OL Connect output creation operations failed", OlConnectErrorParser.Instance,
            "the JSON Operations List (an array of {id, type, subTask, startTime, progress})", OlConnectProfile.WrongServerAdvice);

        public static ApiRequest BuildList(Uri baseUri) => new ApiRequest(HttpMethod.Get, OlConnectPaths.Operations(baseUri));

        public static ApiRequest BuildGet(Uri baseUri, string operationId) =>
            new ApiRequest(HttpMethod.Get, OlConnectPaths.Progress(baseUri, IdValidator.Validate("OperationId", operationId)));

        /// <summary>A getProgress answer as an OutputCreation: Running with its percentage, or Completed once "done".</summary>
        public static OutputCreation ReadProgress(ApiRequest request, ApiResponse response, string operationId, ResolvedConnection connection)
        {
            if (response.StatusCode == 404)
            {
                var gone = FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, $"Reading OL Connect output creation operation '{operationId}' failed");
                gone.RecommendedAction = $"OL Connect drops an operation from its list once it finished or was cancelled. If it finished, Get-OutputCreationResult -OperationId '{operationId.Replace("'", "''")}' returns its result.";
                throw gone;
            }
            if (response.StatusCode != 200)
                throw FailureBuilder.FromResponse(request, response, OlConnectErrorParser.Instance, $"Reading OL Connect output creation operation '{operationId}' failed");
            if (!ProgressReading.TryParse(response.Body, out var reading))
                throw UnexpectedProgress(request, response, operationId);
            return new OutputCreation(operationId, reading.IsDone ? OutputCreationStatus.Completed : OutputCreationStatus.Running, reading.Percent,
                connection.Session.BaseUri, connection.PipeableSession);
        }

        internal static OperationsApiException UnexpectedProgress(ApiRequest request, ApiResponse response, string operationId) =>
            FailureBuilder.UnexpectedShape(
                $"Reading OL Connect output creation operation '{operationId}' failed: {request.Describe()} answered '{BodyText.Summarize(response.Body, response.ContentType) ?? string.Empty}', which is neither a percentage (0-100) nor 'done'.",
                request, response, OlConnectProfile.WrongServerAdvice);

        /// <summary>The JSON Operations List: [{id, type, subTask, startTime (ms since the epoch), progress}].</summary>
        public static IReadOnlyList<OutputCreation> ReadList(ApiRequest request, ApiResponse response, ResolvedConnection connection) =>
            ListAnswer.ReadArray(request, response, item => Read(item, connection));

        private static OutputCreation? Read(JsonElement item, ResolvedConnection connection)
        {
            // The cookbook types id as a string; Upland's npm README calls it a number: take either.
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idElement)) return null;
            var id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()
                : idElement.ValueKind == JsonValueKind.Number ? idElement.GetRawText() : null;
            if (string.IsNullOrWhiteSpace(id)) return null;
            int? percent = item.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var value) ? value : (int?)null;
            return new OutputCreation(id!, OutputCreationStatus.Running, percent, connection.Session.BaseUri, connection.PipeableSession)
            {
                Type = JsonFields.Text(item, "type"),
                SubTask = JsonFields.Text(item, "subTask"),
                StartedAt = item.TryGetProperty("startTime", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var ms)
                    ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null,
            };
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using static OperationsModule.Core.Tests.Conformance.Schema;

namespace OperationsModule.Core.Tests.Conformance
{
    /// <summary>One operation as the vendor's specification states it.</summary>
    /// <param name="AuthHeaders">The request must carry one of these; empty where the spec names no security scheme.</param>
    /// <param name="RequestMediaType">Null when the operation takes no body.</param>
    /// <param name="Responses">Every documented status with its media type and body schema (null schema: no content).</param>
    internal sealed record SpecOperation(
        string System,
        string OperationId,
        string Method,
        string PathTemplate,
        IReadOnlyList<string> AuthHeaders,
        string? RequestMediaType,
        Schema? RequestBody,
        IReadOnlyDictionary<int, SpecAnswer> Responses)
    {
        public bool Matches(string method, string path) =>
            method == Method && Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^}]+}", "[^/]+") + "$");

        /// <summary>The path with every {parameter} replaced by <paramref name="id"/>.</summary>
        public string PathFor(string id) => Regex.Replace(PathTemplate, @"\{[^}]+}", id);
    }

    internal sealed record SpecAnswer(string? MediaType, Schema? Body);

    /// <summary>
    /// The facts the tests need from the two machine-readable vendor specs in ../shared/specs, written as our own data
    /// (the spec files are not copied into the repository): Onedata's Oneprovider REST API, Swagger 2.0, 21.02.7, base
    /// path /api/v3/oneprovider; VMware's SDDC Manager API, OpenAPI 3.0.1, 9.1.0.0. Only the operations the module calls.
    /// </summary>
    internal static class VendorSpecs
    {
        private const string Json = "application/json";
        private const string OnedataBase = "/api/v3/oneprovider";

        /// <summary>Onedata definitions/Error: {"error": code, "error_description": text}; example invalid_token.</summary>
        public static readonly Schema OnedataError = Object(Optional("error", String), Optional("error_description", String));

        /// <summary>
        /// Not in the Swagger: what op-worker 20.02+ sends instead (specs/README.md): {"error": {"id", "description",
        /// "details"[, "ctx"]}}. The simulator's default shape is held to this one.
        /// </summary>
        public static readonly Schema OnedataServerError = Object(Required("error", Object(
            Required("id", String), Required("description", String), Optional("details", AnyObject), Optional("ctx", AnyObject))));

        /// <summary>components/schemas/Error (no property is required).</summary>
        public static readonly Schema VcfError = Object(
            Optional("errorCode", String), Optional("errorType", String), Optional("arguments", Array), Optional("context", AnyObject),
            Optional("notifications", Array), Optional("message", String), Optional("remediationMessage", String), Optional("causes", Array),
            Optional("nestedErrors", Array), Optional("referenceToken", String), Optional("label", String), Optional("remediationUrl", String));

        /// <summary>Oneprovider's security definitions: api_key1 (X-Auth-Token) or api_key2 (Authorization), both headers.</summary>
        private static readonly string[] OnedataAuth = { "X-Auth-Token", "Authorization" };

        private static readonly string[] NoSecurityScheme = new string[0];

        private static IReadOnlyDictionary<int, SpecAnswer> Answers(params (int Status, SpecAnswer Answer)[] answers) => answers.ToDictionary(a => a.Status, a => a.Answer);

        private static (int, SpecAnswer) Error(int status, Schema schema, string? mediaType = Json) => (status, new SpecAnswer(mediaType, schema));

        private static (int, SpecAnswer) NoContent(int status) => (status, new SpecAnswer(null, null));

        public static readonly SpecOperation CancelWorkflowExecution = new(
            "Onedata", "cancel_workflow_execution", "POST", OnedataBase + "/automation/execution/workflows/{wid}/cancel", OnedataAuth, null, null,
            // The Swagger gives no produces for this operation or globally: the error media type is left open.
            Answers(NoContent(204), Error(400, OnedataError, null), Error(403, OnedataError, null), Error(404, OnedataError, null), Error(500, OnedataError, null)));

        /// <summary>Connect-OperationsServer's probe.</summary>
        public static readonly SpecOperation GetWorkflowExecutionDetails = new(
            "Onedata", "get_workflow_execution_details", "GET", OnedataBase + "/automation/execution/workflows/{wid}", OnedataAuth, null, null,
            Answers(
                (200, new SpecAnswer(Json, Object(
                    Required("atmWorkflowExecutionId", String), Required("atmWorkflowSchemaSnapshotId", String), Required("name", String),
                    Required("atmInventoryId", String), Required("spaceId", String), Required("userId", String), Required("status", String),
                    Required("scheduleTime", Int), Required("startTime", Int), Required("suspendTime", Int), Required("finishTime", Int),
                    Required("lambdaSnapshotRegistry", AnyObject), Required("storeRegistry", AnyObject), Required("systemAuditLogStoreId", String),
                    Required("lanes", Array)))),
                Error(400, OnedataError), Error(403, OnedataError), Error(404, OnedataError), Error(500, OnedataError)));

        /// <summary>TokenCreationSpec in, TokenPair out: 201, not 200.</summary>
        public static readonly SpecOperation CreateToken = new(
            "Vcf", "createToken", "POST", "/v1/tokens", NoSecurityScheme, Json,
            Object(Optional("username", String), Optional("password", String), Optional("apiKey", String), Optional("idToken", String)),
            Answers(
                (201, new SpecAnswer(Json, Object(Optional("accessToken", String), Optional("refreshToken", Object(Optional("id", String)))))),
                Error(400, VcfError), Error(500, VcfError)));

        /// <summary>Body: the refresh-token id as a JSON string; answer: the new access token as a JSON string.</summary>
        public static readonly SpecOperation RefreshAccessToken = new(
            "Vcf", "refreshAccessToken", "PATCH", "/v1/tokens/access-token/refresh", NoSecurityScheme, Json, String,
            Answers((200, new SpecAnswer(Json, String)), Error(400, VcfError), Error(404, VcfError), Error(500, VcfError)));

        /// <summary>Body: the refresh-token id as a JSON string; only 204 is documented.</summary>
        public static readonly SpecOperation InvalidateRefreshToken = new(
            "Vcf", "invalidateRefreshToken", "DELETE", "/v1/tokens/refresh-token", NoSecurityScheme, Json, String,
            Answers(NoContent(204)));

        /// <summary>200 without content, not 204.</summary>
        public static readonly SpecOperation CancelTask = new(
            "Vcf", "cancelTask", "DELETE", "/v1/tasks/{id}", NoSecurityScheme, null, null,
            Answers(NoContent(200), Error(404, VcfError), Error(409, VcfError), Error(500, VcfError)));

        /// <summary>Connect-OperationsServer's probe.</summary>
        public static readonly SpecOperation GetTask = new(
            "Vcf", "getTask", "GET", "/v1/tasks/{id}", NoSecurityScheme, null, null,
            Answers(
                (200, new SpecAnswer(Json, Object(
                    Required("id", String), Required("name", String), Optional("localizableDescriptionPack", AnyObject), Optional("type", String),
                    Required("status", String), Required("creationTimestamp", String), Optional("completionTimestamp", String),
                    Optional("subTasks", Array), Optional("errors", Array), Optional("resources", Array), Optional("resolutionStatus", String),
                    Optional("isCancellable", Boolean), Optional("isRetryable", Boolean)))),
                Error(404, VcfError), Error(500, VcfError)));

        public static readonly SpecOperation[] All =
        {
            CancelWorkflowExecution, GetWorkflowExecutionDetails, CreateToken, RefreshAccessToken, InvalidateRefreshToken, CancelTask, GetTask,
        };

        public static SpecOperation? Find(string method, string path) => All.FirstOrDefault(o => o.Matches(method, path));
    }
}

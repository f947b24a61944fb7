using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;

namespace OperationsModule.Core.Systems.OLConnect
{
    /// <summary>
    /// OL Connect's JSON Error: {"error":{"status","message","parameter"}}. Cookbooks before 2021 sent plain
    /// text or no body; those fall through to the generic summary.
    /// </summary>
    internal sealed class OlConnectErrorParser : IErrorBodyParser
    {
        public static readonly OlConnectErrorParser Instance = new OlConnectErrorParser();

        public VendorError? Parse(ApiResponse response)
        {
            var root = JsonErrorReader.RootObject(response);
            if (root is null || JsonErrorReader.Property(root.Value, "error") is not { } error || error.ValueKind != System.Text.Json.JsonValueKind.Object)
                return null;
            var vendor = new VendorError { Message = JsonErrorReader.Text(error, "message") };
            if (JsonErrorReader.Text(error, "status") is { } status) vendor.Details["status"] = status;
            if (JsonErrorReader.Text(error, "parameter") is { Length: > 0 } parameter) vendor.Details["parameter"] = parameter;
            return vendor;
        }
    }
}

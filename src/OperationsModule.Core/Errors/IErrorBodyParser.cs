using OperationsModule.Core.Http;

namespace OperationsModule.Core.Errors
{
    /// <summary>Reads a vendor's error body. Must never throw: return null when the body is not the vendor's shape.</summary>
    internal interface IErrorBodyParser
    {
        VendorError? Parse(ApiResponse response);
    }
}

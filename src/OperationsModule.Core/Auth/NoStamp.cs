using System.Threading.Tasks;

namespace OperationsModule.Core.Auth
{
    /// <summary>What a credential that needs no preparation (a fixed header, no auth) answers, allocated once.</summary>
    internal static class NoStamp
    {
        public static readonly Task<object?> Ready = Task.FromResult<object?>(null);

        public static readonly Task<bool> CannotRenew = Task.FromResult(false);
    }
}

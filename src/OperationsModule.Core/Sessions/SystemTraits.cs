using OperationsModule.Core.Models;

namespace OperationsModule.Core.Sessions
{
    /// <summary>Small per-system facts the session layer needs (kept out of ISystemProfile so profiles stay unchanged).</summary>
    internal static class SystemTraits
    {
        /// <summary>BigChange alone addresses a tenant with a Customer-Id header.</summary>
        public static bool UsesCustomerId(OperationsSystem system) => system == OperationsSystem.BigChange;
    }
}

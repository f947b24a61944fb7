using System;
using System.Collections.Generic;
using OperationsModule.Core.Models;

namespace OperationsModule.Core.Systems
{
    /// <summary>The one list of systems: adding a system adds its profile here.</summary>
    internal static class SystemCatalog
    {
        private static readonly Dictionary<OperationsSystem, ISystemProfile> Profiles = new Dictionary<OperationsSystem, ISystemProfile>
        {
            [OperationsSystem.OLConnect] = new OLConnect.OlConnectProfile(),
            [OperationsSystem.Onedata] = new Onedata.OnedataProfile(),
            [OperationsSystem.Vcf] = new Vcf.VcfProfile(),
            [OperationsSystem.BigChange] = new BigChange.BigChangeProfile(),
        };

        public static ISystemProfile Get(OperationsSystem system) =>
            Profiles.TryGetValue(system, out var profile) ? profile : throw new NotSupportedException($"The system {system} is not supported.");
    }
}

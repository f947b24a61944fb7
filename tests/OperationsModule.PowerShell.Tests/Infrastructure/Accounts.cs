using System.Management.Automation;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>The simulator's default accounts, as PowerShell objects.</summary>
    public static class Accounts
    {
        public static PSCredential OlAdmin => ModuleHost.Credential("ol-admin", "ol-secret-pass");

        public static PSCredential OlViewer => ModuleHost.Credential("ol-viewer", "ol-viewer-pass");

        public static PSCredential Vcf => ModuleHost.Credential("administrator@vsphere.local", "vcf-secret-pass");

        public static PSCredential BigChange => ModuleHost.Credential("bc-client", "bc-secret");

        public static System.Security.SecureString OnedataToken => ModuleHost.Secure("onedata-good-token");
    }
}

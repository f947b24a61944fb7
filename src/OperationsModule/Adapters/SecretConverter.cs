using System.Management.Automation;
using System.Security;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Adapters
{
    /// <summary>PSCredential and SecureString become Core secrets without ever passing through a string.</summary>
    internal static class SecretConverter
    {
        public static SecretCredential? ToCredential(PSCredential? credential) =>
            credential is null || credential == PSCredential.Empty ? null : new SecretCredential(credential.UserName, new SecretText(credential.Password));

        public static SecretText? ToSecret(SecureString? token) => token is null ? null : new SecretText(token);
    }
}

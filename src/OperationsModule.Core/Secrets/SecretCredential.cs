using System;

namespace OperationsModule.Core.Secrets
{
    /// <summary>A user name (or client id) with its secret; the SMA-free counterpart of PSCredential.</summary>
    internal sealed class SecretCredential
    {
        public SecretCredential(string userName, SecretText secret)
        {
            UserName = userName ?? throw new ArgumentNullException(nameof(userName));
            Secret = secret ?? throw new ArgumentNullException(nameof(secret));
        }

        public string UserName { get; }

        internal SecretText Secret { get; }

        public override string ToString() => UserName + " (secret hidden)";
    }
}

using System;
using System.Threading;

namespace OperationsModule.Core.Secrets
{
    /// <summary>
    /// The secret set of the exchange in progress, carried by the async flow: one HTTP call (SendPipeline.SendAsync)
    /// opens it, and the login or refresh that call makes on the way joins it, so the password a login sent is known
    /// when the login's error answer is read. <see cref="SecretText"/> adds every secret it reveals or is made from;
    /// answers are masked with <see cref="Current"/> where their text is read.
    /// </summary>
    internal static class SecretScope
    {
        private static readonly AsyncLocal<SecretSet?> Ambient = new AsyncLocal<SecretSet?>();

        /// <summary>The set of the exchange in progress, or null outside one.</summary>
        public static SecretSet? Current => Ambient.Value;

        /// <summary>Opens a scope, or joins the one in progress (a login inside a call). Dispose ends what this call opened.</summary>
        public static IDisposable Enter()
        {
            if (Ambient.Value is not null) return Joined.Instance;
            Ambient.Value = new SecretSet();
            return new Opened();
        }

        /// <summary>
        /// Opens a scope for the rest of the calling async method, or joins the one in progress. Nothing to undo: an async
        /// method's changes to the execution context never reach its caller (the runtime restores the caller's when the
        /// method returns or first waits), so a call pays one AsyncLocal write, not two.
        /// </summary>
        public static void EnterForAsyncMethod()
        {
            if (Ambient.Value is null) Ambient.Value = new SecretSet();
        }

        /// <summary>Adds a secret to the scope in progress (nothing outside one).</summary>
        public static void Add(string? secret) => Ambient.Value?.Add(secret);

        /// <summary>Adds a secret to the scope in progress without revealing it (it is revealed only to mask an answer).</summary>
        public static void Add(SecretText? secret) => Ambient.Value?.Add(secret);

        /// <summary>Masks with the scope in progress (unchanged outside one).</summary>
        public static string Apply(string? text) => Ambient.Value is { } set ? set.Apply(text) : text ?? string.Empty;

        private sealed class Opened : IDisposable
        {
            public void Dispose() => Ambient.Value = null;
        }

        private sealed class Joined : IDisposable
        {
            public static readonly Joined Instance = new Joined();

            public void Dispose()
            {
            }
        }
    }
}

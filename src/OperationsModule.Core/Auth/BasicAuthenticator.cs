using System;
using System.Buffers;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Output;
using OperationsModule.Core.Secrets;

namespace OperationsModule.Core.Auth
{
    /// <summary>Authorization: Basic on every request.</summary>
    internal sealed class BasicAuthenticator : IAuthenticator
    {
        private readonly SecretCredential _credential;

        public BasicAuthenticator(SecretCredential credential) => _credential = credential;

        public string Kind => "Basic";

        public string? UserName => _credential.UserName;

        public bool SendsSecrets => true;

        // The password itself goes on every request: each one is a try of it.
        public bool EveryRequestTriesCredential => true;

        public Task<object?> PrepareAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.Ready;

        public void Apply(HttpRequestMessage request, object? stamp) =>
            HeaderValues.Write(request, "Authorization", "Basic " + Encode(_credential), HeaderOrigin.Module);

        public Task<bool> RenewAsync(object? stamp, SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.CannotRenew;

        /// <summary>
        /// Base64 of "user:password", encoded through one pooled buffer that is cleared afterwards: no
        /// joined clear-text string or byte array is left for the GC, and nothing is allocated per request
        /// beyond the revealed password and the header value itself.
        /// </summary>
        internal static string Encode(SecretCredential credential)
        {
            var user = credential.UserName;
            var password = credential.Secret.Reveal();
            var length = Encoding.UTF8.GetByteCount(user) + 1 + Encoding.UTF8.GetByteCount(password);
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var written = Encoding.UTF8.GetBytes(user, 0, user.Length, buffer, 0);
                buffer[written++] = (byte)':';
                written += Encoding.UTF8.GetBytes(password, 0, password.Length, buffer, written);
                return Convert.ToBase64String(buffer, 0, written);
            }
            finally
            {
                Array.Clear(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}

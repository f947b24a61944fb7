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

        // "Basic base64(user:password)", encoded once: revealing and encoding the password for every request was a
        // measurable share of a bulk cancel's CPU. It is no more exposed than before: each request's header made one more copy.
        private string? _headerValue;

        public BasicAuthenticator(SecretCredential credential) => _credential = credential;

        public string Kind => "Basic";

        public string? UserName => _credential.UserName;

        public bool SendsSecrets => true;

        // The password itself goes on every request: each one is a try of it.
        public bool EveryRequestTriesCredential => true;

        public Task<object?> PrepareAsync(SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.Ready;

        public void Apply(HttpRequestMessage request, object? stamp)
        {
            // The password stays concealed in the exchange's scope: revealed only if an answer quoting it must be masked.
            SecretScope.Add(_credential.Secret);
            HeaderValues.Write(request, "Authorization", _headerValue ??= "Basic " + Encode(_credential), HeaderOrigin.Module);
        }

        public Task<bool> RenewAsync(object? stamp, SendPipeline transport, ILogSink log, CancellationToken cancellationToken) => NoStamp.CannotRenew;

        /// <summary>
        /// Base64 of "user:password", encoded through one pooled buffer that is cleared afterwards: no
        /// joined clear-text string or byte array is left for the GC.
        /// </summary>
        internal static string Encode(SecretCredential credential)
        {
            var user = credential.UserName;
            // Sent in this exchange: an answer that quotes the password back is masked.
            SecretScope.Add(credential.Secret);
            var password = credential.Secret.RevealUnscoped();
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

using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace OperationsModule.Core.Http.Pipeline
{
    /// <summary>Builds each attempt's HttpRequestMessage (method, target, body, the request's headers, User-Agent, the credential) and disposes it after.</summary>
    internal sealed class MessageStep : SendStep
    {
        private readonly HttpOptions _options;

        /// <summary>Reads the User-Agent from the options for each message: the step outlives a change to them.</summary>
        public MessageStep(HttpOptions options) => _options = options;

        public override async Task<ApiResponse> SendAsync(SendContext context, SendNext next)
        {
            TryEnter(context);
            return await SendThenPassAsync(context, next).ConfigureAwait(false);
        }

        public override bool TryEnter(SendContext context)
        {
            context.Message = Build(context);
            return true;
        }

        public override bool Passes(SendContext context, ApiResponse answer) => Release(context);

        public override bool PassesFailure(SendContext context, Exception failure) => Release(context);

        /// <summary>A sent message cannot be sent again: disposed once the attempt is over.</summary>
        private static bool Release(SendContext context)
        {
            context.Message?.Dispose();
            context.Message = null;
            return true;
        }

        private HttpRequestMessage Build(SendContext context)
        {
            var request = context.Request;
            var message = new HttpRequestMessage(context.Method, context.Uri);
            if (context.Body is not null)
                message.Content = new StringContent(context.Body, Encoding.UTF8, request.BodyMediaType ?? "application/json");
            if (request.HasHeaders)
                foreach (var header in request.Headers)
                    HeaderValues.Write(message, header.Key, header.Value, HeaderOrigin.Module);
            if (!message.Headers.Contains("User-Agent"))
                HeaderValues.Write(message, "User-Agent", _options.UserAgent, HeaderOrigin.UserAgent);
            context.Credential.WriteTo(message);
            return message;
        }
    }
}

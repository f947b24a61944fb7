using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OperationsModule.Core.Http
{
    /// <summary>Reads a body up to a cap, so a huge or endless response cannot exhaust memory.</summary>
    internal static class CappedBodyReader
    {
        public static async Task<(byte[] Bytes, bool Truncated)> ReadAsync(HttpContent? content, long maxBytes, CancellationToken cancellationToken)
        {
            if (content is null) return (Array.Empty<byte>(), false);
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            while (true)
            {
                var room = maxBytes - buffer.Length;
                if (room <= 0)
                {
                    // One more byte tells "exactly at the cap" from "over it".
                    var probe = await stream.ReadAsync(chunk, 0, 1, cancellationToken).ConfigureAwait(false);
                    return (buffer.ToArray(), probe > 0);
                }
                var read = await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0) return (buffer.ToArray(), false);
                buffer.Write(chunk, 0, read);
            }
        }
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Http.Runtime;

namespace OperationsModule.Core.Http
{
    /// <summary>Reads a body up to a cap, so a huge or endless response cannot exhaust memory.</summary>
    internal static class CappedBodyReader
    {
        private const int ChunkSize = 16 * 1024;

        public static async Task<(byte[] Bytes, bool Truncated)> ReadAsync(HttpContent? content, long maxBytes, CancellationToken cancellationToken)
        {
            if (content is null) return (Array.Empty<byte>(), false);
            // Bulk cancels mostly answer 204 or 200 with no body: no stream, no buffer.
            var declared = content.Headers.ContentLength;
            if (declared == 0) return (Array.Empty<byte>(), false);
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            // .NET Framework's response stream ignores the token: closing it is what ends a read in progress.
            using var abort = cancellationToken.CanBeCanceled ? cancellationToken.Register(() => stream.Dispose()) : default;
            // The chunk is pooled: a fresh 16 KB array per response dominated the bulk path's allocations.
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                var body = await ReadCappedAsync(stream, chunk, declared, maxBytes, cancellationToken).ConfigureAwait(false);
                // A stream closed by the token may simply end: that is a cut-off body, never a complete one.
                cancellationToken.ThrowIfCancellationRequested();
                return body;
            }
            catch (Exception ex) when (BodyReadCancellation.FailedBecauseCancelled(ex, cancellationToken))
            {
                throw new OperationCanceledException("The response body read was cancelled.", ex, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        private static async Task<(byte[] Bytes, bool Truncated)> ReadCappedAsync(Stream stream, byte[] chunk, long? declared, long maxBytes, CancellationToken cancellationToken)
        {
            // An empty body of undeclared length ends on the first read: no buffer for it.
            var first = maxBytes <= 0 ? 0 : await stream.ReadAsync(chunk, 0, (int)Math.Min(ChunkSize, maxBytes), cancellationToken).ConfigureAwait(false);
            if (first == 0 && maxBytes > 0) return (Array.Empty<byte>(), false);
            using var buffer = new MemoryStream(declared is { } length && length <= maxBytes ? (int)length : first);
            buffer.Write(chunk, 0, first);
            while (true)
            {
                var room = maxBytes - buffer.Length;
                if (room <= 0)
                {
                    // One more byte tells "exactly at the cap" from "over it".
                    var probe = await stream.ReadAsync(chunk, 0, 1, cancellationToken).ConfigureAwait(false);
                    return (buffer.ToArray(), probe > 0);
                }
                var read = await stream.ReadAsync(chunk, 0, (int)Math.Min(ChunkSize, room), cancellationToken).ConfigureAwait(false);
                if (read == 0) return (buffer.Length == 0 ? Array.Empty<byte>() : buffer.ToArray(), false);
                buffer.Write(chunk, 0, read);
            }
        }
    }
}

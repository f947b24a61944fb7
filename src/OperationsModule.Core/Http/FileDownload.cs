using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Errors;

namespace OperationsModule.Core.Http
{
    /// <summary>
    /// Streams a success body to a temporary file in the destination's folder: memory stays at one pooled buffer
    /// whatever the size or the compression ratio, and a body that expands past <see cref="MaximumBytes"/> once
    /// decompressed is refused (and its partial file removed) as soon as it crosses the cap, not after.
    /// </summary>
    internal sealed class FileDownload : IDisposable
    {
        private const int ChunkSize = 64 * 1024;
        private readonly byte[] _head = new byte[8];

        public FileDownload(string folder, long maximumBytes)
        {
            MaximumBytes = maximumBytes;
            // Hidden (dot) and unmistakably partial: a crash leaves a file nobody takes for the result.
            TempPath = Path.Combine(folder, ".operationsmodule-" + Guid.NewGuid().ToString("N") + ".partial");
        }

        public long MaximumBytes { get; }

        public string TempPath { get; }

        /// <summary>Bytes written (after decompression).</summary>
        public long Length { get; private set; }

        /// <summary>The first bytes of the body (up to 8), for telling a PDF from a zip.</summary>
        public byte[] Head
        {
            get
            {
                var head = new byte[Math.Min(Length, _head.Length)];
                Array.Copy(_head, head, head.Length);
                return head;
            }
        }

        /// <summary>The transport's body reader for this request: writes the file and keeps nothing in memory.</summary>
        internal async Task<(byte[] Bytes, bool Truncated)> ReceiveAsync(HttpContent? content, CancellationToken cancellationToken)
        {
            Length = 0;
            bool complete;
            // FileMode.Create: an attempt that failed mid-body and was sent again starts the file over.
            using (var file = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, ChunkSize, useAsync: true))
                complete = content is null || await CopyCappedAsync(content, file, cancellationToken).ConfigureAwait(false);
            if (complete) return (Array.Empty<byte>(), false);
            // Closed first: Windows cannot delete a file that is still open.
            Delete();
            throw TooLarge();
        }

        private async Task<bool> CopyCappedAsync(HttpContent content, FileStream file, CancellationToken cancellationToken)
        {
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                while (true)
                {
                    var read = await stream.ReadAsync(chunk, 0, ChunkSize, cancellationToken).ConfigureAwait(false);
                    if (read == 0) return true;
                    if (Length + read > MaximumBytes) return false;
                    if (Length < _head.Length) Array.Copy(chunk, 0, _head, (int)Length, (int)Math.Min(read, _head.Length - Length));
                    await file.WriteAsync(chunk, 0, read, cancellationToken).ConfigureAwait(false);
                    Length += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }

        private OperationsApiException TooLarge() =>
             new OperationsApiException(
                $"The result is larger than {MaximumBytes} bytes once decompressed; the module stopped reading it there and saved nothing (a compressed answer that expands this far is refused, whatever its size on the wire).",
                ErrorIds.UnexpectedResponse, ErrorCategoryName.InvalidResult)
            {
                RecommendedAction = "Fetch the output paths instead (leave out -OutFile) and copy the files from the server.",
            };

        private void Delete()
        {
            try
            {
                if (File.Exists(TempPath)) File.Delete(TempPath);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>Removes the temporary file unless it was moved into place.</summary>
        public void Dispose() => Delete();
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>
    /// A hostile server on loopback that speaks HTTP/1.1 over a bare socket: it records every byte the client sends
    /// and parses them the way a server (or a proxy) in front of the real one would, one request after another on
    /// each connection, so a header value that smuggles a second request shows up as a second request. Its answers
    /// are whatever the test scripts, byte for byte (headers no real server would send included).
    /// </summary>
    internal sealed class RawHttpListener : LoopbackSocketServer
    {
        private readonly Func<RawRequest, byte[]> _respond;
        private readonly List<RawRequest> _requests = new List<RawRequest>();
        private readonly MemoryStream _wire = new MemoryStream();

        /// <param name="respond">The whole answer to one parsed request: status line, headers and body (see <see cref="Answer"/>).</param>
        public RawHttpListener(Func<RawRequest, string> respond)
            : this(request => Encoding.UTF8.GetBytes(respond(request)))
        {
        }

        /// <param name="respond">The whole answer as bytes (a binary or compressed body; see <see cref="AnswerBytes"/>).</param>
        public RawHttpListener(Func<RawRequest, byte[]> respond)
        {
            _respond = respond;
            StartAccepting();
        }

        /// <summary>Every request parsed so far, in arrival order.</summary>
        public IReadOnlyList<RawRequest> Requests
        {
            get { lock (_requests) return _requests.ToArray(); }
        }

        /// <summary>Every byte received, all connections, as Latin-1 text (one char per byte).</summary>
        public string Wire
        {
            get { lock (_wire) return Encoding.Latin1.GetString(_wire.ToArray()); }
        }

        /// <summary>An HTTP/1.1 answer with a Content-Length; extra header lines are written exactly as given.</summary>
        public static string Answer(int status, string body = "", string contentType = "text/plain", params string[] headerLines)
        {
            var text = new StringBuilder();
            text.Append("HTTP/1.1 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(" X\r\n");
            if (body.Length > 0) text.Append("Content-Type: ").Append(contentType).Append("\r\n");
            foreach (var line in headerLines) text.Append(line).Append("\r\n");
            text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n").Append(body);
            return text.ToString();
        }

        /// <summary>An answer with a binary body (e.g. gzip with "Content-Encoding: gzip" among the header lines).</summary>
        public static byte[] AnswerBytes(int status, byte[] body, params string[] headerLines)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(" X\r\n");
            foreach (var line in headerLines) head.Append(line).Append("\r\n");
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
            return Encoding.ASCII.GetBytes(head.ToString()).Concat(body).ToArray();
        }

        protected override async Task ServeAsync(TcpClient client)
        {
            var stream = client.GetStream();
            var pending = new List<byte>();
            var buffer = new byte[8192];
            try
            {
                while (!Stopping.IsCancellationRequested)
                {
                    var request = TryParse(pending);
                    if (request is null)
                    {
                        var read = await stream.ReadAsync(buffer, Stopping);
                        if (read == 0) return;
                        lock (_wire) _wire.Write(buffer, 0, read);
                        pending.AddRange(buffer.Take(read));
                        continue;
                    }
                    lock (_requests) _requests.Add(request);
                    var answer = _respond(request);
                    await stream.WriteAsync(answer, Stopping);
                }
            }
            catch (IOException)
            {
            }
        }

        /// <summary>One request off the front of the bytes (head up to the blank line, then Content-Length bytes), or null when incomplete.</summary>
        private static RawRequest? TryParse(List<byte> pending)
        {
            var bytes = pending.ToArray();
            var text = Encoding.Latin1.GetString(bytes);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) return null;
            var lines = text.Substring(0, end).Split("\r\n");
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':');
                headers.Add(colon < 0 ? new KeyValuePair<string, string>(line, string.Empty) : new KeyValuePair<string, string>(line.Substring(0, colon), line.Substring(colon + 1).Trim()));
            }
            var length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(h => int.TryParse(h.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).FirstOrDefault();
            var total = end + 4 + length;
            if (bytes.Length < total) return null;
            pending.RemoveRange(0, total);
            return new RawRequest(lines[0], headers, Encoding.UTF8.GetString(bytes, end + 4, length));
        }
    }

    /// <summary>One request as a server parsed it off the wire.</summary>
    internal sealed class RawRequest
    {
        public RawRequest(string requestLine, IReadOnlyList<KeyValuePair<string, string>> headers, string body)
        {
            RequestLine = requestLine;
            Headers = headers;
            Body = body;
        }

        /// <summary>"POST /rest/... HTTP/1.1".</summary>
        public string RequestLine { get; }

        public string Method => RequestLine.Split(' ')[0];

        public string Path => RequestLine.Split(' ').ElementAtOrDefault(1) ?? string.Empty;

        /// <summary>Every header line, in order, as (name, value).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public string Body { get; }

        public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        public override string ToString() => RequestLine;
    }
}

using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OperationsModule.Core.Tests.Runtime
{
    /// <summary>
    /// A raw HTTP/1.1 listener on loopback: each request's head and body as the bytes arrived, and the answer a test
    /// chooses from them. One request per connection (Connection: close), so every exchange is visible.
    /// </summary>
    internal sealed class RawLoopbackServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly Func<string, string> _answer;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        public RawLoopbackServer(Func<string, string> answer)
        {
            _answer = answer;
            _listener.Start();
            _ = AcceptLoopAsync();
        }

        public Uri Address => new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        /// <summary>Every request as text: request line, headers and whatever body arrived with them.</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var received = new StringBuilder();
                var buffer = new byte[8192];
                // Reads the head, then the declared body: a client that waits for "100 Continue" would stall here, not send.
                while (true)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0) return;
                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    var text = received.ToString();
                    var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                    if (end < 0) continue;
                    var length = ContentLength(text.Substring(0, end));
                    if (text.Length - (end + 4) >= length) break;
                }
                var request = received.ToString();
                Requests.Enqueue(request);
                var answer = Encoding.ASCII.GetBytes(_answer(request));
                await stream.WriteAsync(answer, _stop.Token);
            }
        }

        private static int ContentLength(string head)
        {
            foreach (var line in head.Split("\r\n"))
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    return int.Parse(line.Substring("Content-Length:".Length).Trim());
            return 0;
        }

        public static string Answer(int status, string reason, string body = "", string extraHeaders = "") =>
            $"HTTP/1.1 {status} {reason}\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\nConnection: close\r\n{extraHeaders}\r\n{body}";

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}

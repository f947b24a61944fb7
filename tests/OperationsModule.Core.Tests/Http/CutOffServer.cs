using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Http;

/// <summary>How a loopback answer is cut off after its headers.</summary>
public enum CutOff
{
    /// <summary>Content-Length promises more than is sent, then the connection closes.</summary>
    BodyEndsEarly,

    /// <summary>A chunked body whose chunk size is not hexadecimal.</summary>
    BadChunk,

    /// <summary>Part of the body, then the connection is reset (RST).</summary>
    ResetWhileReading,
}

/// <summary>A loopback server that answers every request with the given status and headers, then cuts the body off.</summary>
internal sealed class CutOffServer : LoopbackSocketServer
{
    private readonly string _head;
    private readonly CutOff _cut;
    private int _requests;

    public CutOffServer(CutOff cut, int status = 200, params string[] headerLines)
    {
        _cut = cut;
        var head = new StringBuilder($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\n");
        foreach (var line in headerLines) head.Append(line).Append("\r\n");
        head.Append(cut == CutOff.BadChunk ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 1000\r\n");
        _head = head.Append("\r\n").ToString();
        StartAccepting();
    }

    public int Requests => Volatile.Read(ref _requests);

    protected override async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            await ReadRequestAsync(stream);
            Interlocked.Increment(ref _requests);
            var body = _cut == CutOff.BadChunk ? "zz\r\n{\"partial\":" : "{\"partial\":";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(_head + body), Stopping);
            await stream.FlushAsync(Stopping);
            if (_cut == CutOff.ResetWhileReading) client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>Reads the head and a Content-Length body, so the client is never reset before it has sent its request.</summary>
    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, Stopping);
            if (read == 0) return;
            for (var i = 0; i < read; i++) seen.Add(buffer[i]);
            var text = Encoding.ASCII.GetString(seen.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) continue;
            var length = 0;
            foreach (var line in text.Substring(0, end).Split("\r\n"))
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
            if (seen.Count >= end + 4 + length) return;
        }
    }
}

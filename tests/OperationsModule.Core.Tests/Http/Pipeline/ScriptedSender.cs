using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using OperationsModule.Core.Http;
using OperationsModule.Core.Http.Pipeline;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Http.Pipeline;

/// <summary>
/// The terminal sender of a test: answers each request from a script (a status with headers and body, or a failure
/// below HTTP) on the virtual clock, and records what it was sent. A path may have its own script (a login endpoint);
/// everything else takes the next step of the main script, and the last step repeats once the script runs out.
/// </summary>
internal sealed class ScriptedSender : ITerminalSender
{
    private readonly object _sync = new object();
    private readonly Queue<Func<SendContext, ApiResponse>> _script = new Queue<Func<SendContext, ApiResponse>>();
    private readonly Dictionary<string, Queue<Func<SendContext, ApiResponse>>> _byPath = new Dictionary<string, Queue<Func<SendContext, ApiResponse>>>(StringComparer.Ordinal);
    private Func<SendContext, ApiResponse>? _last;

    public ScriptedSender(VirtualClock? clock = null) => Clock = clock ?? new VirtualClock();

    public VirtualClock Clock { get; }

    public ConcurrentQueue<SentRequest> Sent { get; } = new ConcurrentQueue<SentRequest>();

    /// <summary>Runs while a request is "on the wire", before it is answered (for example to send another one).</summary>
    public Func<SendContext, Task>? OnSend { get; set; }

    public ScriptedSender Then(int status, params (string Name, string Value)[] headers) => Then(status, string.Empty, headers);

    public ScriptedSender Then(int status, string body, params (string Name, string Value)[] headers) => Add(null, c => Answer(c, status, body, headers));

    /// <summary>Connection refused: nothing reached the server.</summary>
    public ScriptedSender ThenRefused() => Add(null, c => throw Refused(c));

    public ScriptedSender On(string path, int status, string body = "", params (string Name, string Value)[] headers) => Add(path, c => Answer(c, status, body, headers));

    public ScriptedSender OnRefused(string path) => Add(path, c => throw Refused(c));

    public int Count(string path) => Sent.Count(s => s.Uri.AbsolutePath == path);

    public async Task<ApiResponse> SendAsync(SendContext context)
    {
        Sent.Enqueue(new SentRequest(context.Method, context.Uri, context.Attempt, Clock.UtcNow, context.Message is { } m ? Header(m, "Authorization") ?? Header(m, "auth_token") : null, context.Body));
        if (OnSend is { } onSend) await onSend(context).ConfigureAwait(false);
        return Next(context.Uri.AbsolutePath)(context);
    }

    private Func<SendContext, ApiResponse> Next(string path)
    {
        lock (_sync)
        {
            if (_byPath.TryGetValue(path, out var own))
                return own.Count > 1 ? own.Dequeue() : own.Peek();
            if (_script.Count > 0) _last = _script.Dequeue();
            return _last ?? throw new InvalidOperationException("The script is empty.");
        }
    }

    private ScriptedSender Add(string? path, Func<SendContext, ApiResponse> step)
    {
        lock (_sync)
        {
            if (path is null) _script.Enqueue(step);
            else
            {
                if (!_byPath.TryGetValue(path, out var queue)) _byPath[path] = queue = new Queue<Func<SendContext, ApiResponse>>();
                queue.Enqueue(step);
            }
        }
        return this;
    }

    private static ApiResponse Answer(SendContext context, int status, string body, (string Name, string Value)[] headers)
    {
        var map = headers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(h => h.Value).ToList(), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse(status, null, map, body, body.Length == 0 ? null : "application/json", context.Uri, TimeSpan.Zero, context.Attempt);
    }

    private static Exception Refused(SendContext context) =>
        TransportFailure.FromHttpRequestException(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)), context.Method, context.Uri);

    private static string? Header(HttpRequestMessage message, string name) =>
        message.Headers.TryGetValues(name, out var values) ? values.First() : null;
}

internal sealed record SentRequest(HttpMethod Method, Uri Uri, int Attempt, DateTimeOffset At, string? Credential, string? Body);

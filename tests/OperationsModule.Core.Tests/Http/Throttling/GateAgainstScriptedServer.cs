using System;
using System.Collections.Generic;
using OperationsModule.Core.Http.Throttling;
using OperationsModule.Core.Tests.Infrastructure;

namespace OperationsModule.Core.Tests.Http.Throttling;

/// <summary>
/// A bulk run through one <see cref="ThrottleGate"/> against a <see cref="ScriptedFixedWindow"/>, played on an event
/// queue over a virtual clock: <c>concurrency</c> items at a time (the engine's -ThrottleLimit), one request at a time
/// at the gate's head taking its turn as <see cref="ThrottleGate.WaitTurnAsync"/> does (send now, wait so long, or wait
/// for a place to free), each request on the wire for a random one-way latency there and back, so requests are in flight
/// across every window's edge. A refused item waits the Retry-After and asks again. Nothing sleeps, nothing races: the
/// same seed plays the same run.
/// </summary>
internal sealed class GateAgainstScriptedServer
{
    private static readonly Uri Address = new Uri("http://127.0.0.1:5000/rest/x");
    private static readonly TimeSpan MaximumHold = TimeSpan.FromSeconds(60);

    private readonly PriorityQueue<Action, (double, long)> _events = new();
    private readonly Queue<bool> _waiting = new(); // requests waiting for their turn; true: refused before
    private readonly ScriptedFixedWindow _server;
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly DateTimeOffset _origin;
    private readonly RecordingOutput _log = new RecordingOutput();
    private readonly Random _random;
    private readonly double _minimumLatency;
    private readonly double _maximumLatency;
    private long _sequence;
    private double _now;
    private bool _headBusy;
    private bool _headWaitsForSlot;
    private int _fresh;
    private int _idleWorkers;

    /// <param name="server">Makes the server, given the absolute time of second 0 (for its epoch resets).</param>
    public GateAgainstScriptedServer(Func<DateTimeOffset, ScriptedFixedWindow> server, int seed, double minimumLatency, double maximumLatency)
    {
        _origin = _clock.UtcNow;
        _server = server(_origin);
        _random = new Random(seed);
        _minimumLatency = minimumLatency;
        _maximumLatency = maximumLatency;
        Gate.Clock = _clock;
    }

    public ScriptedFixedWindow Server => _server;

    public ThrottleGate Gate { get; } = new ThrottleGate();

    public int Done { get; private set; }

    public double FirstSend { get; private set; } = double.NaN;

    public double LastAnswer { get; private set; }

    /// <summary>Plays <paramref name="items"/> items from second <paramref name="start"/>; returns when all are done.</summary>
    public void Play(int items, int concurrency, double start)
    {
        _fresh = items;
        _idleWorkers = concurrency;
        At(start, Pump);
        while (_events.TryDequeue(out var next, out var key))
        {
            _now = key.Item1;
            var target = _origin + TimeSpan.FromTicks((long)Math.Round(_now * TimeSpan.TicksPerSecond));
            if (target > _clock.UtcNow) _clock.Advance(target - _clock.UtcNow);
            next();
        }
        if (Done != items) throw new InvalidOperationException($"the run stalled: {Done} of {items} done");
    }

    /// <summary>Schedules on whole ticks, the clock's resolution, so the gate sees every wait move time.</summary>
    private void At(double time, Action action) => _events.Enqueue(action, (Math.Ceiling(Math.Round(time * TimeSpan.TicksPerSecond, 3)) / TimeSpan.TicksPerSecond, _sequence++));

    private double Latency() => _minimumLatency + _random.NextDouble() * (_maximumLatency - _minimumLatency);

    /// <summary>Idle workers take fresh items; the request at the head takes its turn if the gate gives it one.</summary>
    private void Pump()
    {
        for (; _idleWorkers > 0 && _fresh > 0; _idleWorkers--, _fresh--) _waiting.Enqueue(false);
        while (!_headBusy && _waiting.Count > 0)
        {
            double? sentAt;
            double wait = 0;
            System.Threading.Tasks.Task? slotFreed = null;
            sentAt = Gate.IsEngaged ? Gate.TryTakeTurn(Address, _log, out wait, out slotFreed) : Gate.EnterUnpaced();
            if (sentAt is { } at)
            {
                Send(at, _waiting.Dequeue());
            }
            else if (slotFreed is not null)
            {
                _headBusy = _headWaitsForSlot = true;
            }
            else
            {
                _headBusy = true;
                // As WaitTurnAsync does: at least a whole tick, so the gate sees time move.
                At(_now + Math.Max(wait, 1.0 / TimeSpan.TicksPerSecond), () =>
                {
                    _headBusy = false;
                    Pump();
                });
            }
        }
    }

    private void Send(double sentAt, bool refusedBefore)
    {
        if (double.IsNaN(FirstSend)) FirstSend = _now;
        At(_now + Latency(), () =>
        {
            var (admitted, retryAfter, header) = _server.Answer(_now);
            At(_now + Latency(), () => Answer(sentAt, refusedBefore, admitted, retryAfter, header));
        });
    }

    private void Answer(double sentAt, bool refusedBefore, bool admitted, double retryAfter, Func<string, string?> header)
    {
        LastAnswer = _now;
        var announced = AnnouncedLimitParser.Parse(header, _clock.UtcNow);
        var verdict = Gate.Complete(sentAt, !admitted, admitted ? null : TimeSpan.FromSeconds(retryAfter), MaximumHold, Address, _log, refusedBefore, announced);
        if (admitted)
        {
            Done++;
            _idleWorkers++;
        }
        else
        {
            var repeat = verdict != ThrottleVerdict.Hold;
            At(_now + retryAfter, () =>
            {
                _waiting.Enqueue(repeat);
                Pump();
            });
        }
        if (_headWaitsForSlot)
        {
            _headBusy = _headWaitsForSlot = false;
        }
        Pump();
    }
}

using System;
using System.Collections.Generic;

namespace OperationsModule.Simulator;

/// <summary>One request as the simulator received it, and (once answered) how it was answered.</summary>
/// <param name="Path">The raw path as on the wire, still percent-escaped (so tests can check the client's escaping).</param>
/// <param name="Query">The raw query string including the leading '?', or empty.</param>
/// <param name="Headers">Case-insensitive; repeated headers joined with ", ".</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// How the exchange ended; null while it is still running (a hang). One reference, set once, so a snapshot taken
    /// while the request runs never sees half of it.
    /// </summary>
    public RequestOutcome? Outcome { get; internal set; }

    /// <summary>The status sent, or null when none was (still running, or the connection was closed first).</summary>
    public int? StatusCode => Outcome?.StatusCode;
}

/// <param name="StatusCode">The status sent; null when the connection was closed before any answer.</param>
/// <param name="Fault">The kind of fault that was applied (<see cref="FaultAction.Kind"/>), or null.</param>
/// <param name="Duration">From receipt to the end of the answer (or of the connection).</param>
/// <param name="Aborted">The connection was closed by the simulator (a reset, a truncated body) or by the client.</param>
public sealed record RequestOutcome(int? StatusCode, string? Fault, TimeSpan Duration, bool Aborted);

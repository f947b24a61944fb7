using System;
using System.Collections.Generic;

namespace OperationsModule.Simulator;

/// <summary>One request as the simulator received it.</summary>
/// <param name="Path">The raw path as on the wire, still percent-escaped (so tests can check the client's escaping).</param>
/// <param name="Query">The raw query string including the leading '?', or empty.</param>
/// <param name="Headers">Case-insensitive; repeated headers joined with ", ".</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt);

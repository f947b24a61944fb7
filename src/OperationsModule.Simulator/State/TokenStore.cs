using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace OperationsModule.Simulator.StateInternals;

/// <summary>Issued tokens with their expiry; shared shape for OL Connect, VCF and BigChange.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    public void Add(string token, string subject, TimeSpan lifetime) =>
        _tokens[token] = new Entry(subject, DateTimeOffset.UtcNow + lifetime);

    /// <summary>Known and not expired.</summary>
    public bool TryValidate(string token, out string subject)
    {
        if (_tokens.TryGetValue(token, out var entry) && entry.ExpiresAt > DateTimeOffset.UtcNow)
        {
            subject = entry.Subject;
            return true;
        }

        subject = string.Empty;
        return false;
    }

    /// <summary>Every issued token expires now, so the next call answers 401.</summary>
    public void ExpireAll()
    {
        foreach (var key in _tokens.Keys)
        {
            _tokens.AddOrUpdate(key, _ => new Entry(string.Empty, DateTimeOffset.MinValue), (_, e) => e with { ExpiresAt = DateTimeOffset.MinValue });
        }
    }

    public void Clear() => _tokens.Clear();

    /// <summary>Every token issued since the last reset, expired or not.</summary>
    public ICollection<string> Issued => _tokens.Keys;

    private sealed record Entry(string Subject, DateTimeOffset ExpiresAt);
}

namespace OperationsModule.Simulator.Hosting;

/// <summary>
/// A uniform draw in [0, 1) that depends only on its inputs (FNV-1a over the text, then a SplitMix64 finish):
/// stable across processes and runs, unlike string.GetHashCode, and independent of request arrival order.
/// </summary>
internal static class KeyedDraw
{
    public static double Uniform(int seed, int salt, string method, string path, int nth)
    {
        var hash = 14695981039346656037UL;
        hash = Mix(hash, (ulong)(uint)seed);
        hash = Mix(hash, (ulong)(uint)salt);
        hash = Mix(hash, (ulong)(uint)nth);
        foreach (var c in method)
        {
            hash = Mix(hash, char.ToUpperInvariant(c));
        }

        foreach (var c in path)
        {
            hash = Mix(hash, c);
        }

        return (Finish(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A stable bucket 0..n-1 for a text (a raw path), the same in every process and run.</summary>
    public static int Bucket(string text, int n)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }

        return (int)(Finish(hash) % (ulong)n);
    }

    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * 1099511628211UL;

    private static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System;

namespace OperationsModule.Simulator.Hosting;

/// <summary>One Random seeded from <see cref="SimulatorOptions.Seed"/>, shared by every random choice; thread-safe.</summary>
internal sealed class SeededRandom
{
    private readonly object _gate = new();
    private Random _random;
    private readonly int _seed;

    public SeededRandom(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
    }

    public int Seed => _seed;

    public double NextDouble()
    {
        lock (_gate) { return _random.NextDouble(); }
    }

    public int Next(int maxExclusive)
    {
        lock (_gate) { return _random.Next(maxExclusive); }
    }

    /// <summary>Six upper-case letters, the shape of a VCF error referenceToken.</summary>
    public string UpperToken(int length = 6)
    {
        var chars = new char[length];
        lock (_gate)
        {
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)('A' + _random.Next(26));
            }
        }

        return new string(chars);
    }

    public void Reset()
    {
        lock (_gate) { _random = new Random(_seed); }
    }
}

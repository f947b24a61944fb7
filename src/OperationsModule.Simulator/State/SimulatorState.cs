namespace OperationsModule.Simulator;

/// <summary>Per-system state; every member is safe to call while requests are in flight.</summary>
public sealed class SimulatorState
{
    private readonly SimulatorOptions _options;

    internal SimulatorState(SimulatorOptions options)
    {
        _options = options;
        BigChange = new BigChangeState(() => _options.BigChangeCustomerId, () => _options.TimeProvider.GetUtcNow());
        Reset();
    }

    public OlConnectState OlConnect { get; } = new();
    public OnedataState Onedata { get; } = new();
    public VcfState Vcf { get; } = new();
    public BigChangeState BigChange { get; }

    /// <summary>Paging and cancel-settling behaviour of the list and read calls (POST /_sim/listing).</summary>
    public ListingBehaviour Listing { get; } = new();

    /// <summary>Every token and refresh id any fake system issued since the last reset: for leak tests to search for.</summary>
    public System.Collections.Generic.IReadOnlyCollection<string> IssuedSecrets() =>
        [.. OlConnect.IssuedSecrets(), .. Vcf.IssuedSecrets(), .. BigChange.IssuedSecrets()];

    /// <summary>Back to the defaults (plus the demo data when <see cref="SimulatorOptions.SeedDemoData"/> is on).</summary>
    public void Reset()
    {
        OlConnect.Reset();
        Onedata.Reset();
        Vcf.Reset();
        BigChange.Reset();
        Listing.Reset();
        if (_options.SeedDemoData)
        {
            DemoData.Seed(this);
        }
    }
}

namespace OperationsModule.Simulator;

/// <summary>
/// How the fake list calls page and how cancels settle; switchable at run time through POST /_sim/listing and back to
/// these defaults on reset. The "wrong" settings let tests meet servers that page badly.
/// </summary>
public sealed class ListingBehaviour
{
    /// <summary>Reads of an item through the API that still show it stopping after its cancel was accepted.</summary>
    public int CancelSettleReads { get; set; } = 1;

    /// <summary>The number of VCF's first page: undocumented, so 0 or 1 (clients must read it, not assume it).</summary>
    public int VcfFirstPageNumber { get; set; } = 1;

    /// <summary>A broken VCF server: every page request answers the first page.</summary>
    public bool VcfRepeatFirstPage { get; set; }

    /// <summary>The most execution IDs one Onedata page holds, whatever limit the client asks for (the API may return fewer).</summary>
    public int OnedataPageLimit { get; set; } = 1000;

    /// <summary>A broken Onedata server: every page after the first gives the same nextPageToken and never says isLast.</summary>
    public bool OnedataRepeatToken { get; set; }

    internal void Reset()
    {
        var defaults = new ListingBehaviour();
        CancelSettleReads = defaults.CancelSettleReads;
        VcfFirstPageNumber = defaults.VcfFirstPageNumber;
        VcfRepeatFirstPage = defaults.VcfRepeatFirstPage;
        OnedataPageLimit = defaults.OnedataPageLimit;
        OnedataRepeatToken = defaults.OnedataRepeatToken;
    }
}

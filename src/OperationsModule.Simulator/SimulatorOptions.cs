namespace OperationsModule.Simulator;

/// <summary>How the simulator listens, which credentials the fake systems accept, and which quirks are on.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Serve HTTPS with a self-signed certificate generated at start (CN=127.0.0.1, SAN 127.0.0.1 + localhost).</summary>
    public bool Https { get; set; }

    /// <summary>0 = let Kestrel choose a free port. Always bound to 127.0.0.1 only.</summary>
    public int Port { get; set; }

    /// <summary>Seeds every random choice (fault probabilities, latency jitter, reference tokens).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>
    /// The clock of every time-based fault (token bucket, fixed window, outage) and of the limit headers they send.
    /// Tests on a virtual clock pass one that follows it, so windows and outages move with virtual time; only
    /// <see cref="TimeProvider.GetUtcNow"/> is read.
    /// </summary>
    public System.TimeProvider TimeProvider { get; set; } = System.TimeProvider.System;

    /// <summary>When false, no request is recorded (the throughput bench turns it off).</summary>
    public bool JournalEnabled { get; set; } = true;

    /// <summary>Seed the demo data set (see <see cref="DemoData"/>) at start and on reset.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Lifetime of every token the fake systems issue.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    // ---- OL Connect ----
    public bool OlConnectSecurityEnabled { get; set; } = true;
    public string OlConnectUser { get; set; } = "ol-admin";
    public string OlConnectPassword { get; set; } = "ol-secret-pass";
    /// <summary>Authenticates, but gets 403 on output creation and cancel.</summary>
    public string OlConnectViewerUser { get; set; } = "ol-viewer";
    public string OlConnectViewerPassword { get; set; } = "ol-viewer-pass";
    /// <summary>How far getProgress advances per poll.</summary>
    public int ProgressStepPercent { get; set; } = 25;
    /// <summary>After 'done' has been answered once, getProgress answers 404 (the documented 2024.2 quirk).</summary>
    public bool OlConnectDropFinishedOperations { get; set; } = true;
    /// <summary>Link URLs absolute (http://127.0.0.1:port/rest/...) instead of relative (/rest/...). The docs leave this open.</summary>
    public bool OlConnectAbsoluteLinks { get; set; }
    /// <summary>One Link header per rel instead of one comma-separated Link header. The docs leave this open.</summary>
    public bool OlConnectSeparateLinkHeaders { get; set; }
    /// <summary>
    /// A cancel is only requested: a cancelled operation stays in getOperations and getProgress keeps answering its
    /// last percentage for this many more getProgress reads, then it leaves the list (404). 0 = it leaves at once.
    /// </summary>
    public int OlConnectCancelPolls { get; set; }

    // ---- Onedata ----
    public string OnedataToken { get; set; } = "onedata-good-token";
    /// <summary>A valid token that lacks the privilege: 403 forbidden.</summary>
    public string OnedataForbiddenToken { get; set; } = "onedata-forbidden-token";
    /// <summary>Error bodies nested as op-worker sends them (default) or flat as the published spec documents. Switchable at run time.</summary>
    public OnedataErrorShape OnedataErrorShape { get; set; } = OnedataErrorShape.Nested;

    // ---- VCF SDDC Manager ----
    public string VcfUser { get; set; } = "administrator@vsphere.local";
    public string VcfPassword { get; set; } = "vcf-secret-pass";
    public string VcfApiKey { get; set; } = "vcf-api-key";
    /// <summary>Status of a successful POST /v1/tokens: the spec says 201, the vendor's example shows 200. Switchable at run time.</summary>
    public int VcfTokenStatusCode { get; set; } = 201;

    // ---- BigChange ----
    public string BigChangeClientId { get; set; } = "bc-client";
    public string BigChangeClientSecret { get; set; } = "bc-secret";
    /// <summary>An app granted jobs:read only: its tokens work, but a cancel answers 403 naming the missing jobs:write scope.</summary>
    public string BigChangeReadOnlyClientId { get; set; } = "bc-readonly-client";
    public string BigChangeReadOnlyClientSecret { get; set; } = "bc-readonly-secret";
    /// <summary>The customer whose jobs are seeded when no customer is given.</summary>
    public long BigChangeCustomerId { get; set; } = 4242;
}

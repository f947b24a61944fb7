function Start-OperationsSimulator {
    <#
    .SYNOPSIS
        Starts the OperationsModule simulator on a free loopback port and returns its address and ready-made credentials.
    .DESCRIPTION
        Finds the simulator: -Path (the operations-simulator executable, or OperationsModule.Simulator.dll, which is run
        with dotnet), else `operations-simulator` on PATH, else a local tool manifest (.config/dotnet-tools.json in the
        current folder or a parent) that lists it. Starts it on 127.0.0.1 with a port the system chooses, over http or,
        with -Https, over https with a self-signed certificate made at start, and waits until it listens.

        The object returned has BaseUri, Process, Pid and, for each system, what the simulator accepts:
        OLConnectCredential (ol-admin), OLConnectViewerCredential (authenticates, 403 on writes), VcfCredential,
        VcfApiKey, BigChangeCredential (client id and secret), BigChangeCustomerId, OnedataToken and OnedataForbiddenToken
        (SecureStrings), and ConnectParameters: the switch to splat into Connect-OperationsServer or any cmdlet
        (-AllowUnencryptedAuthentication over http, -SkipCertificateCheck over https).

        The other commands of this module use the simulator started last unless given -Simulator. The simulator exits
        when Stop-OperationsSimulator is called, when this module is removed, or when this PowerShell process ends.
    .PARAMETER Path
        The operations-simulator executable or OperationsModule.Simulator.dll. Without it, PATH and local tool manifests are searched.
    .PARAMETER Https
        Serve https with a self-signed certificate instead of http.
    .PARAMETER Seed
        Seeds every random choice the simulator makes (fault probabilities, jitter), so runs repeat.
    .PARAMETER OnedataErrorShape
        Onedata error bodies nested, as servers send them (default), or flat, as the published spec documents.
    .PARAMETER VcfTokenStatus
        The status of a successful VCF token request: 201 (the spec, default) or 200 (the vendor's example).
    .PARAMETER StartTimeoutSec
        How long to wait for the simulator to listen.
    .EXAMPLE
        $sim = Start-OperationsSimulator
        $connect = $sim.ConnectParameters
        Connect-OperationsServer -System Vcf -BaseUri $sim.BaseUri -Credential $sim.VcfCredential @connect

        Starts the tool found on PATH and connects the default VCF session to it.
    .EXAMPLE
        $sim = Start-OperationsSimulator -Path ./tools/operations-simulator -Https

        Starts a given copy over https; $sim.ConnectParameters then holds SkipCertificateCheck.
    .OUTPUTS
        OperationsModule.Testing.Simulator
    .LINK
        Stop-OperationsSimulator
    #>
    [CmdletBinding()]
    [OutputType('OperationsModule.Testing.Simulator')]
    param(
        [string] $Path,
        [switch] $Https,
        [int] $Seed = 1,
        [ValidateSet('Nested', 'Flat')] [string] $OnedataErrorShape = 'Nested',
        [ValidateSet(200, 201)] [int] $VcfTokenStatus = 201,
        [ValidateRange(1, 600)] [int] $StartTimeoutSec = 60
    )

    $command = Resolve-SimulatorCommand -Path $Path
    $start = [System.Diagnostics.ProcessStartInfo]::new($command.FileName)
    foreach ($argument in $command.Prefix) { $start.ArgumentList.Add($argument) }
    $scheme = if ($Https) { 'https' } else { 'http' }
    foreach ($argument in '--urls', "${scheme}://127.0.0.1:0", '--seed', "$Seed", '--onedata-error-shape', $OnedataErrorShape.ToLowerInvariant(), '--vcf-token-status', "$VcfTokenStatus") {
        $start.ArgumentList.Add($argument)
    }
    if ($command.ContainsKey('WorkingDirectory')) { $start.WorkingDirectory = $command.WorkingDirectory }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true    # the simulator exits when this closes: it cannot outlive this process
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    Write-Verbose "Starting the simulator: $($command.FileName) $($start.ArgumentList -join ' ')"
    $process = [System.Diagnostics.Process]::Start($start)
    $errors = $process.StandardError.ReadToEndAsync()

    # Its first stdout line, {"baseUri":...,"pid":...}, is written once it listens.
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($StartTimeoutSec)) -or -not $firstLine.Result) {
        if (-not $process.HasExited) { $process.Kill($true) }
        $null = $process.WaitForExit(5000)
        $detail = if ($errors.IsCompleted) { $errors.Result.Trim() } else { '' }
        throw [System.TimeoutException]::new("The simulator ($($command.Source)) did not start listening within $StartTimeoutSec s. $detail".Trim())
    }
    $announced = $firstLine.Result | ConvertFrom-Json

    $secret = { param([string] $Text) ConvertTo-SecureString $Text -AsPlainText -Force }
    $credential = { param([string] $User, [string] $Password) [pscredential]::new($User, (& $secret $Password)) }
    $simulator = [pscustomobject]@{
        PSTypeName                = 'OperationsModule.Testing.Simulator'
        BaseUri                   = [uri]$announced.baseUri
        Pid                       = [int]$announced.pid
        Https                     = [bool]$Https
        ConnectParameters         = if ($Https) { @{ SkipCertificateCheck = $true } } else { @{ AllowUnencryptedAuthentication = $true } }
        OLConnectCredential       = & $credential 'ol-admin' 'ol-secret-pass'
        OLConnectViewerCredential = & $credential 'ol-viewer' 'ol-viewer-pass'
        VcfCredential             = & $credential 'administrator@vsphere.local' 'vcf-secret-pass'
        VcfApiKey                 = & $secret 'vcf-api-key'
        BigChangeCredential       = & $credential 'bc-client' 'bc-secret'
        BigChangeCustomerId       = [long]4242
        OnedataToken              = & $secret 'onedata-good-token'
        OnedataForbiddenToken     = & $secret 'onedata-forbidden-token'
        Process                   = $process
    }
    $script:Started.Add($simulator)
    $script:Current = $simulator
    $simulator
}

function Start-OperationsSimulator {
    # .ExternalHelp OperationsModule.Testing-help.xml
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
    # --exit-on-stdin-close: the simulator ends when this process's end closes its stdin, so none outlives the session.
    foreach ($argument in '--urls', "${scheme}://127.0.0.1:0", '--seed', "$Seed", '--onedata-error-shape', $OnedataErrorShape.ToLowerInvariant(), '--vcf-token-status', "$VcfTokenStatus", '--exit-on-stdin-close') {
        $start.ArgumentList.Add($argument)
    }
    if ($command.ContainsKey('WorkingDirectory')) { $start.WorkingDirectory = $command.WorkingDirectory }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true    # with --exit-on-stdin-close it exits when this closes: it cannot outlive this process
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

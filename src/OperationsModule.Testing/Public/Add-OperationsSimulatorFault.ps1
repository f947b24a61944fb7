function Add-OperationsSimulatorFault {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    param(
        [ValidateSet('Status', 'ConnectionReset', 'Hang', 'Html', 'MalformedJson', 'Latency', 'RateLimit', 'FixedWindow', 'Outage', 'Unauthorized', 'Truncated')]
        [string] $Kind = 'Status',
        [ValidateRange(100, 599)] [int] $StatusCode,
        [ValidateNotNullOrEmpty()] [string] $RetryAfter,
        [string] $Body,
        [ValidateNotNullOrEmpty()] [string] $ContentType,
        [ValidateSet('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD')] [string] $Method,
        [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [SupportsWildcards()] [ValidateNotNullOrEmpty()] [string] $Path,
        [ValidateNotNullOrEmpty()] [string] $PathPattern,
        [ValidateRange(1, [int]::MaxValue)] [int] $Times,
        [ValidateRange(1, [int]::MaxValue)] [int] $PerPathTimes,
        [ValidateRange(0, 600000)] [int] $DelayMs,
        [ValidateRange(0.001, 100000)] [double] $Rate,
        [ValidateRange(1, 100000)] [int] $Burst,
        [ValidateRange(1, 1000000)] [int] $Limit,
        [ValidateRange(0.001, 86400)] [double] $WindowSec,
        [ValidateSet('None', 'GitHub', 'Draft', 'Structured')] [string] $LimitHeaders,
        [ValidateRange(0.001, 86400)] [double] $Seconds,
        [switch] $CloseConnection,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator
    )
    $pathRegex = ConvertTo-PathRegex -Path $Path -PathPattern $PathPattern -System $System
    $bound = $PSBoundParameters
    $need = {
        param([string] $Parameter, [string] $What)
        if (-not $bound.ContainsKey($Parameter)) { throw [System.ArgumentException]::new("-Kind $Kind needs -$Parameter ($What).", $Parameter) }
    }
    switch ($Kind) {
        'RateLimit' { & $need 'Rate' 'requests per second' }
        'FixedWindow' { & $need 'Limit' 'requests per window'; & $need 'WindowSec' 'the window''s length in seconds' }
        'Outage' {
            if (-not $bound.ContainsKey('Seconds') -and -not $bound.ContainsKey('Times')) {
                throw [System.ArgumentException]::new('-Kind Outage needs -Seconds (how long it lasts) or -Times (how many requests it refuses).', 'Seconds')
            }
        }
    }
    if ($CloseConnection -and $Kind -ne 'Outage') { throw [System.ArgumentException]::new("-CloseConnection is for -Kind Outage, not $Kind.", 'CloseConnection') }
    if ($bound.ContainsKey('LimitHeaders') -and $Kind -notin 'RateLimit', 'FixedWindow') { throw [System.ArgumentException]::new("-LimitHeaders is for -Kind RateLimit or FixedWindow, not $Kind.", 'LimitHeaders') }

    $action = switch ($Kind) {
        'Hang' { @{ kind = 'neverAnswer' } }
        'ConnectionReset' { @{ kind = 'connectionReset' } }
        'MalformedJson' { @{ kind = 'malformedJson' } }
        'RateLimit' { @{ kind = 'rateLimit'; rate = $Rate } }
        'FixedWindow' { @{ kind = 'fixedWindow'; limit = $Limit; windowMs = [int][Math]::Ceiling($WindowSec * 1000) } }
        'Unauthorized' { @{ kind = 'unauthorized' } }
        'Truncated' { @{ kind = 'truncated' } }
        'Outage' {
            # For a number of requests: an outage without end, which the rule's -Times ends (the log still says outage).
            $duration = if ($bound.ContainsKey('Seconds')) { [int][Math]::Ceiling($Seconds * 1000) } else { [int]::MaxValue }
            @{ kind = 'outage'; durationMs = $duration; status = 503; closeConnection = [bool]$CloseConnection }
        }
        default { @{ kind = $Kind.ToLowerInvariant() } }
    }
    if ($bound.ContainsKey('StatusCode')) { $action.status = $StatusCode }
    # A server that is down says nothing about when it is back, unless -RetryAfter says so (auto: the seconds left).
    if ($RetryAfter) { $action.retryAfter = $RetryAfter } elseif ($action.kind -eq 'outage') { $action.retryAfter = 'none' }
    if ($bound.ContainsKey('Body')) { $action.body = $Body }
    if ($ContentType) { $action.contentType = $ContentType }
    if ($bound.ContainsKey('DelayMs')) { $action.delayMs = $DelayMs }
    if ($bound.ContainsKey('Burst')) { $action.burst = $Burst }
    if ($LimitHeaders) { $action.headers = $LimitHeaders.ToLowerInvariant() }
    $rule = @{ action = $action }
    if ($Method) { $rule.method = $Method }
    if ($pathRegex) { $rule.path = $pathRegex }
    if ($Times) { $rule.times = $Times }
    if ($PerPathTimes) { $rule.perPathTimes = $PerPathTimes }
    $null = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'faults' -Body $rule
}

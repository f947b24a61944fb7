function Add-OperationsSimulatorFault {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    param(
        [ValidateSet('Status', 'ConnectionReset', 'Hang', 'Html', 'MalformedJson', 'Latency', 'RateLimit')] [string] $Kind = 'Status',
        [ValidateRange(100, 599)] [int] $StatusCode,
        [ValidateNotNullOrEmpty()] [string] $RetryAfter,
        [string] $Body,
        [ValidateNotNullOrEmpty()] [string] $ContentType,
        [ValidateSet('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD')] [string] $Method,
        [ValidateNotNullOrEmpty()] [string] $PathPattern,
        [ValidateRange(1, [int]::MaxValue)] [int] $Times,
        [ValidateRange(1, [int]::MaxValue)] [int] $PerPathTimes,
        [ValidateRange(0, 600000)] [int] $DelayMs,
        [ValidateRange(0.001, 100000)] [double] $Rate,
        [ValidateRange(1, 100000)] [int] $Burst,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator
    )
    if ($PathPattern) {
        try { $null = [regex]::new($PathPattern) }
        catch { throw [System.ArgumentException]::new("-PathPattern '$PathPattern' is not a valid regular expression: $($_.Exception.InnerException.Message)", 'PathPattern') }
    }
    if ($Kind -eq 'RateLimit' -and -not $PSBoundParameters.ContainsKey('Rate')) {
        throw [System.ArgumentException]::new('-Kind RateLimit needs -Rate (requests per second).', 'Rate')
    }

    $action = @{ kind = switch ($Kind) { 'Hang' { 'neverAnswer' } 'ConnectionReset' { 'connectionReset' } 'MalformedJson' { 'malformedJson' } 'RateLimit' { 'rateLimit' } default { $Kind.ToLowerInvariant() } } }
    if ($PSBoundParameters.ContainsKey('StatusCode')) { $action.status = $StatusCode }
    if ($RetryAfter) { $action.retryAfter = $RetryAfter }
    if ($PSBoundParameters.ContainsKey('Body')) { $action.body = $Body }
    if ($ContentType) { $action.contentType = $ContentType }
    if ($PSBoundParameters.ContainsKey('DelayMs')) { $action.delayMs = $DelayMs }
    if ($PSBoundParameters.ContainsKey('Rate')) { $action.rate = $Rate }
    if ($PSBoundParameters.ContainsKey('Burst')) { $action.burst = $Burst }
    $rule = @{ action = $action }
    if ($Method) { $rule.method = $Method }
    if ($PathPattern) { $rule.path = $PathPattern }
    if ($Times) { $rule.times = $Times }
    if ($PerPathTimes) { $rule.perPathTimes = $PerPathTimes }
    $null = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'faults' -Body $rule
}

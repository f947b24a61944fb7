function Add-OperationsSimulatorFault {
    <#
    .SYNOPSIS
        Makes the simulator misbehave on matching requests: an error status with Retry-After, a hang, a reset connection, an HTML page, a rate limit, a delay.
    .DESCRIPTION
        Adds one fault rule. A request matches when its method is -Method (any, without it) and its path matches the
        regular expression -PathPattern (any, without it); the first matching rule acts. -Times limits how many
        requests in all it acts on, -PerPathTimes how many per distinct path (e.g. the first two attempts on every
        task fail, the third succeeds). Rules stay until Clear-OperationsSimulatorFault or Reset-OperationsSimulator.

        Kinds: Status (-StatusCode, -RetryAfter, -Body, -ContentType), ConnectionReset (the connection is dropped
        without an answer), Hang (no answer until the client gives up), Html (an HTML error page with -StatusCode,
        as proxies send), MalformedJson (-StatusCode with a body that is not JSON), Latency (-DelayMs before the
        normal answer) and RateLimit (a token bucket of -Rate requests per second and -Burst, answered -StatusCode 429
        with -RetryAfter).
    .PARAMETER Kind
        Status, ConnectionReset, Hang, Html, MalformedJson, Latency or RateLimit.
    .PARAMETER StatusCode
        The status to answer (Status, Html, MalformedJson, RateLimit).
    .PARAMETER RetryAfter
        The Retry-After header to send, in seconds or as an HTTP date (Status, RateLimit).
    .PARAMETER Body
        The body of a Status answer.
    .PARAMETER ContentType
        The content type of a Status answer's body (application/json when not given).
    .PARAMETER Method
        Only requests with this HTTP method.
    .PARAMETER PathPattern
        Only requests whose path matches this regular expression, e.g. '^/v1/tasks/t-2$' or 'cancel'.
    .PARAMETER Times
        Act on this many matching requests in all, then stop.
    .PARAMETER PerPathTimes
        Act on this many matching requests per path, then stop for that path.
    .PARAMETER DelayMs
        Latency: the delay before the normal answer.
    .PARAMETER Rate
        RateLimit: requests per second let through.
    .PARAMETER Burst
        RateLimit: requests let through at once before the rate applies.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; without it, the simulator started last.
    .EXAMPLE
        Add-OperationsSimulatorFault -Method DELETE -PathPattern '^/v1/tasks/t-2$' -StatusCode 500

        Every cancel of VCF task t-2 fails with 500 Internal Server Error.
    .EXAMPLE
        Add-OperationsSimulatorFault -PathPattern '^/v1/tasks/' -StatusCode 503 -RetryAfter 1 -PerPathTimes 1

        The first request for each task answers 503 with Retry-After: 1; the module's retry then gets through.
    .EXAMPLE
        Add-OperationsSimulatorFault -Kind RateLimit -PathPattern '^/v1/jobs/' -Rate 5 -Burst 1
    #>
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

function Get-OperationsSimulatorRequest {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    [OutputType('OperationsModule.Testing.Request')]
    param(
        [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [ValidateSet('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD')] [string] $Method,
        [SupportsWildcards()] [string] $Path,
        [ValidateNotNullOrEmpty()] [string] $PathPattern,
        [ValidateRange(100, 599)] [int] $StatusCode,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator
    )
    # The same pattern forms as Add-OperationsSimulatorFault: -Path a wildcard, -PathPattern a regular expression.
    $regex = ConvertTo-PathRegex -PathPattern $PathPattern
    $recorded = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'requests' -Method Get
    foreach ($request in $recorded) {
        $system = Get-RequestSystem $request.path
        if ($System -and $system -ne $System) { continue }
        if ($Method -and $request.method -ne $Method) { continue }
        if ($Path -and $request.path -notlike $Path) { continue }
        if ($regex -and $request.path -notmatch $regex) { continue }
        if ($PSBoundParameters.ContainsKey('StatusCode') -and $request.status -ne $StatusCode) { continue }
        $headers = @{}
        if ($request.headers) { foreach ($header in $request.headers.PSObject.Properties) { $headers[$header.Name] = $header.Value } }
        $json = $null
        if ($request.body -and $request.body -ne '***') { try { $json = $request.body | ConvertFrom-Json -ErrorAction Stop } catch { } }
        [pscustomobject]@{
            PSTypeName = 'OperationsModule.Testing.Request'
            System     = $system
            Method     = $request.method
            Path       = $request.path
            Query      = $request.query
            StatusCode = if ($null -ne $request.status) { [int]$request.status } else { $null }
            Fault      = $request.fault
            Duration   = if ($null -ne $request.durationMs) { [timespan]::FromMilliseconds($request.durationMs) } else { $null }
            Aborted    = [bool]$request.aborted
            Headers    = $headers
            Body       = $request.body
            Json       = $json
            ReceivedAt = [datetimeoffset]::Parse($request.receivedAt, [cultureinfo]::InvariantCulture)
        }
    }
}

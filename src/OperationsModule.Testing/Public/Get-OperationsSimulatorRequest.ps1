function Get-OperationsSimulatorRequest {
    <#
    .SYNOPSIS
        Gets the requests the simulator received since it started or was last reset, oldest first.
    .DESCRIPTION
        One object per request: System (OLConnect, Onedata, Vcf or BigChange, from the path), Method, Path, Query,
        Headers (a hashtable), Body (the raw text), Json (the body parsed, when it is JSON) and ReceivedAt. Secrets are
        redacted by the simulator: Authorization, auth_token, X-Auth-Token and cookie headers, and the bodies of login
        and token requests, read '***'. Control calls to /_sim/ are never recorded.
    .PARAMETER System
        Only requests to this system.
    .PARAMETER Method
        Only requests with this HTTP method (GET, POST, DELETE, PATCH, PUT).
    .PARAMETER Path
        Only requests whose path matches this wildcard pattern, e.g. '/v1/tasks/*'.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; without it, the simulator started last.
    .EXAMPLE
        $cancels = Get-OperationsSimulatorRequest -System Vcf -Method DELETE -Path '/v1/tasks/*'
        $cancels.Path | Should -Be '/v1/tasks/t-1', '/v1/tasks/t-2'
    .EXAMPLE
        (Get-OperationsSimulatorRequest -System BigChange -Method PUT).Json | Should -Be 'Customer cancelled'
    .OUTPUTS
        OperationsModule.Testing.Request
    #>
    [CmdletBinding()]
    [OutputType('OperationsModule.Testing.Request')]
    param(
        [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [ValidateSet('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD')] [string] $Method,
        [SupportsWildcards()] [string] $Path,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator
    )
    $recorded = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'requests' -Method Get
    foreach ($request in $recorded) {
        $system = Get-RequestSystem $request.path
        if ($System -and $system -ne $System) { continue }
        if ($Method -and $request.method -ne $Method) { continue }
        if ($Path -and $request.path -notlike $Path) { continue }
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
            Headers    = $headers
            Body       = $request.body
            Json       = $json
            ReceivedAt = [datetimeoffset]::Parse($request.receivedAt, [cultureinfo]::InvariantCulture)
        }
    }
}

function Invoke-SimulatorControl {
    <# GET/POST/DELETE on the simulator's /_sim/ control surface; a hashtable body is sent as JSON. A 400 becomes an error naming the simulator's reason. #>
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [string] $Path,
        [ValidateSet('Get', 'Post', 'Delete')] [string] $Method = 'Post',
        [object] $Body
    )
    $parameters = @{ Uri = [uri]::new($Simulator.BaseUri, "_sim/$Path"); Method = $Method; SkipCertificateCheck = $true; NoProxy = $true; Verbose = $false }
    if ($null -ne $Body) { $parameters.Body = ConvertTo-Json $Body -Depth 6 -Compress; $parameters.ContentType = 'application/json' }
    try { Invoke-RestMethod @parameters }
    catch [Microsoft.PowerShell.Commands.HttpResponseException] {
        if ([int]$_.Exception.Response.StatusCode -ne 400) { throw }
        $reason = try { ($_.ErrorDetails.Message | ConvertFrom-Json).error } catch { $_.ErrorDetails.Message }
        throw [System.ArgumentException]::new("The simulator refused $Method /_sim/${Path}: $reason")
    }
}

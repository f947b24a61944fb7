# The routes each fake system serves: the one place the kit knows them.
$script:SystemPathPatterns = [ordered]@{
    OLConnect = '^/rest/'
    Onedata   = '^/api/v3/oneprovider/'
    Vcf       = '^/v1/(tokens|tasks)(/|$)'
    BigChange = '^/(v1/jobs|auth/tokens)(/|$)'
}

function Get-RequestSystem {
    <# Which fake system a recorded path belongs to, by the routes the simulator serves. #>
    [OutputType([string])]
    param([string] $Path)
    # A request sent through a proxy is logged with its absolute address: its path decides.
    if ($Path -match '^[a-z][a-z0-9+.-]*://[^/]*(?<path>/.*)?$') { $Path = if ($Matches.path) { $Matches.path } else { '/' } }
    foreach ($entry in $script:SystemPathPatterns.GetEnumerator()) {
        if ($Path -match $entry.Value) { return $entry.Key }
    }
    ''
}

function Get-SystemPathPattern {
    <# The regular expression of the routes one system serves. #>
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $System)
    $script:SystemPathPatterns[$System]
}

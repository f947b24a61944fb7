function Get-RequestSystem {
    <# Which fake system a recorded path belongs to, by the routes the simulator serves. #>
    [OutputType([string])]
    param([string] $Path)
    switch -Regex ($Path) {
        '^/rest/' { 'OLConnect'; break }
        '^/api/v3/oneprovider/' { 'Onedata'; break }
        '^/v1/(tokens|tasks)(/|$)' { 'Vcf'; break }
        '^/(v1/jobs|auth/tokens)(/|$)' { 'BigChange'; break }
        default { '' }
    }
}

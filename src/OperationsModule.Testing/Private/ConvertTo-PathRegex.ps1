function ConvertTo-PathRegex {
    <#
        One regular expression for a fault rule or a request filter from what the user gave: -Path (a wildcard, as
        -like reads it, case-insensitive), -PathPattern (a regular expression) and -System (that system's routes).
        Returns $null when none was given.
    #>
    [OutputType([string])]
    param([string] $Path, [string] $PathPattern, [string] $System)
    $parts = [System.Collections.Generic.List[string]]::new()
    if ($System) { $parts.Add((Get-SystemPathPattern $System)) }
    if ($Path) {
        $parts.Add('(?i)^' + (ConvertFrom-Wildcard $Path) + '$')
    }
    if ($PathPattern) {
        try { $null = [regex]::new($PathPattern) }
        catch { throw [System.ArgumentException]::new("-PathPattern '$PathPattern' is not a valid regular expression: $($_.Exception.InnerException.Message)", 'PathPattern') }
        $parts.Add($PathPattern)
    }
    if ($parts.Count -eq 0) { return $null }
    if ($parts.Count -eq 1) { return $parts[0] }
    # Every part must match the same path: lookaheads from its start (.*? lets an unanchored part match anywhere).
    '^' + (($parts | ForEach-Object { "(?=.*?(?:$_))" }) -join '')
}

function ConvertFrom-Wildcard {
    <# A PowerShell wildcard (*, ?, [abc], ` escapes) as the body of a regular expression. #>
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Pattern)
    $text = [System.Text.StringBuilder]::new()
    for ($i = 0; $i -lt $Pattern.Length; $i++) {
        $c = $Pattern[$i]
        if ($c -eq '`' -and $i + 1 -lt $Pattern.Length) { $i++; $null = $text.Append([regex]::Escape([string]$Pattern[$i])); continue }
        switch ($c) {
            '*' { $null = $text.Append('.*') }
            '?' { $null = $text.Append('.') }
            '[' {
                $end = $Pattern.IndexOf(']', $i + 1)
                if ($end -lt 0) { $null = $text.Append('\[') }
                else { $null = $text.Append('[' + ($Pattern.Substring($i + 1, $end - $i - 1) -replace '\\', '\\') + ']'); $i = $end }
            }
            default { $null = $text.Append([regex]::Escape([string]$c)) }
        }
    }
    $text.ToString()
}

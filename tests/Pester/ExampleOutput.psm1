#Requires -Version 5.1
<#
    Compares a documented example's sample output with what the example really wrote, for Examples.Tests.ps1.
    Only what does not vary is compared:
    - a table (a header row over a row of dashes): the column names, in order; then every sample row must match a
      real row in the columns whose values do not vary between runs (IDs, Status, System, Kind, ...);
    - a list (Name : value lines): the property names, in order; then the values that do not vary;
    - other lines (messages, warnings): each must appear among the real lines once addresses, dates and paths are
      masked.
    Columns whose values vary: addresses, ports, times, file paths, lengths (Test-VaryingColumn).
#>
Set-StrictMode -Version 3.0

function Test-VaryingColumn {
    <# True for a column whose value differs from run to run or from machine to machine. #>
    param([string] $Name)
    $Name -match 'At$|Server|BaseUri|Uri|Link|Session|Path|OutFile|Length|Result|Paths|Date|Time'
}

function ConvertFrom-TableText {
    <# A Format-Table rendering: Columns (names) and Rows (hashtables), cut at the positions the dashes show. #>
    param([string[]] $Lines)
    $dashIndex = -1
    for ($i = 1; $i -lt $Lines.Count; $i++) { if ($Lines[$i] -match '^\s*-+(\s+-+)*\s*$') { $dashIndex = $i; break } }
    if ($dashIndex -lt 1) { return $null }
    $spans = [regex]::Matches($Lines[$dashIndex], '-+') | ForEach-Object { [pscustomobject]@{ Start = $_.Index; Length = $_.Length } }
    $spans = @($spans)
    function Get-Cells([string] $line) {
        for ($c = 0; $c -lt $spans.Count; $c++) {
            $start = $spans[$c].Start
            $end = if ($c + 1 -lt $spans.Count) { $spans[$c + 1].Start } else { [Math]::Max($line.Length, $start) }
            if ($start -ge $line.Length) { '' } else { $line.Substring($start, [Math]::Min($end, $line.Length) - $start).Trim() }
        }
    }
    # A right-aligned header (numbers) may start left of its dashes: cut headers by words instead.
    $columns = @($Lines[$dashIndex - 1].Trim() -split '\s+')
    $rows = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($line in $Lines[($dashIndex + 1)..($Lines.Count - 1)]) {
        if (-not $line.Trim()) { continue }
        $cells = @(Get-Cells $line)
        # A line with an empty first column continues the row above (a value wrapped at the console's width).
        $wrapped = $rows.Count -gt 0 -and -not $cells[0]
        $row = if ($wrapped) { $rows[$rows.Count - 1] } else { @{} }
        for ($c = 0; $c -lt [Math]::Min($columns.Count, $cells.Count); $c++) { $row[$columns[$c]] = "$($row[$columns[$c]])$($cells[$c])" }
        if (-not $wrapped) { $rows.Add($row) }
    }
    [pscustomobject]@{ Columns = $columns; Rows = @($rows) }
}

function ConvertFrom-ListText {
    <# A Format-List rendering: one record per group of lines (Names in order, Values by name), groups split by blank lines. #>
    param([string[]] $Lines)
    $records = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($line in $Lines) {
        if ($line -match '^(?<name>\w+)\s+: ?(?<value>.*)$') {
            if (-not $current) { $current = [pscustomobject]@{ Names = [System.Collections.Generic.List[string]]::new(); Values = @{} } }
            $current.Names.Add($Matches.name)
            $current.Values[$Matches.name] = $Matches.value.Trim()
        }
        elseif (-not $line.Trim() -and $current) { $records.Add($current); $current = $null }
    }
    if ($current) { $records.Add($current) }
    , $records.ToArray()
}

function Get-OutputShape {
    <# 'Table', 'List' or 'Lines' for a sample output text. #>
    param([string[]] $Lines)
    $content = @($Lines | Where-Object { $_.Trim() })
    if ($content.Count -ge 2 -and $content[1] -match '^\s*-+(\s+-+)*\s*$') { return 'Table' }
    # Format-List pads every name, so at least one space stands before each colon ("VERBOSE: x" is a line).
    if ($content.Count -ge 1 -and @($content | Where-Object { $_ -notmatch '^\w+\s+:( |$)' }).Count -eq 0) { return 'List' }
    'Lines'
}

function ConvertTo-MaskedLine {
    <# A line with what varies (addresses, dates and times, file paths) replaced by placeholders, spaces squeezed. #>
    param([string] $Line)
    $Line = $Line -replace 'https?://[^\s''"]+', '<uri>'
    $Line = $Line -replace '\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}( \d{1,2}:\d{2}(:\d{2})?( [+-]\d{2}:\d{2})?)?', '<date>'
    ($Line -replace '\s+', ' ').Trim()
}

function Compare-ExampleOutput {
    <#
        The differences between a sample output and the real output text (empty when they agree), as readable
        lines for a test failure.
    #>
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Expected, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Actual)
    $expectedLines = @($Expected -split '\r?\n')
    $actualLines = @($Actual -split '\r?\n')
    switch (Get-OutputShape $expectedLines) {
        'Table' {
            $sample = ConvertFrom-TableText @($expectedLines | Where-Object { $_.Trim() })
            $real = ConvertFrom-TableText @($actualLines | Where-Object { $_.Trim() })
            if (-not $real) { return "A table with the columns $($sample.Columns -join ', ') was expected; the output was:`n$Actual" }
            if (($sample.Columns -join ' ') -ne ($real.Columns -join ' ')) {
                return "Columns differ: the docs show '$($sample.Columns -join ' ')', the output has '$($real.Columns -join ' ')'."
            }
            foreach ($row in $sample.Rows) {
                $fixed = @($row.Keys | Where-Object { -not (Test-VaryingColumn $_) })
                $match = $real.Rows | Where-Object { $candidate = $_; @($fixed | Where-Object { $candidate[$_] -ne $row[$_] }).Count -eq 0 }
                if (-not $match) {
                    $shown = ($fixed | ForEach-Object { "$_=$($row[$_])" }) -join ', '
                    "No output row has $shown; the output was:`n$Actual"
                }
            }
        }
        'List' {
            $sample = @(ConvertFrom-ListText $expectedLines)
            $real = @(ConvertFrom-ListText $actualLines)
            if ($real.Count -eq 0) { return "A list was expected; the output was:`n$Actual" }
            foreach ($record in $sample) {
                $names = $record.Names -join ' '
                $candidates = @($real | Where-Object { ($_.Names -join ' ') -eq $names })
                if ($candidates.Count -eq 0) {
                    "Properties differ: the docs show '$names', the output has '$($real[0].Names -join ' ')'."
                    continue
                }
                $fixed = @($record.Names | Where-Object { -not (Test-VaryingColumn $_) })
                $match = $candidates | Where-Object { $candidate = $_; @($fixed | Where-Object { $candidate.Values[$_] -ne $record.Values[$_] }).Count -eq 0 }
                if (-not $match) { "No output record has $(($fixed | ForEach-Object { "$_=$($record.Values[$_])" }) -join ', '); the output was:`n$Actual" }
            }
        }
        'Lines' {
            $real = @($actualLines | ForEach-Object { ConvertTo-MaskedLine $_ })
            foreach ($line in $expectedLines | Where-Object { $_.Trim() }) {
                $masked = ConvertTo-MaskedLine $line
                if ($masked -notin $real) { "The line '$line' was not in the output:`n$Actual" }
            }
        }
    }
}

Export-ModuleMember -Function Compare-ExampleOutput, Test-VaryingColumn, Get-OutputShape, ConvertTo-MaskedLine

#Requires -Version 5.1
<#
    Finds the PowerShell examples in the repository's markdown, for Examples.Tests.ps1 (one test per example):
    - a cmdlet page (docs/**/<Verb>-<Noun>.md): every ```powershell block under "### Example N" in "## EXAMPLES";
    - an about topic (about_*.md): every indented code block (the layout PlatyPS uses there);
    - any other page (README.md): every ```powershell block.
    An untagged ``` block after an example's code, before the next code block or heading, is its sample output;
    a `What if: ...` quoted in the prose that follows is what -WhatIf prints (WhatIf); a line that is only a
    variable's member and a one-word comment ("$e.Exception.StatusCode   # 404") shows the value it prints (Printed).
    A block whose lines start with "PS> " is a transcript: those lines are the code, the others its output.

    A marker, an HTML comment just before a block (Get-Help and GitHub do not show it), changes how it is run:
        <!-- example: no-run (why it cannot run against the simulator) -->
        <!-- example: errors NotFound, Conflict -->      the error reasons the example is meant to write
        <!-- example: output-not-compared (why) -->      runs, but its sample output shows something else
    Parsing only: what the markers mean is up to the runner.
#>
Set-StrictMode -Version 3.0

$script:PowerShellFences = 'powershell', 'pwsh', 'ps1', 'ps'
$script:MarkerPattern = '^\s*<!--\s*example:\s*(?<kind>[\w-]+)\s*(?<arg>.*?)\s*-->\s*$'

function Get-MarkdownExample {
    <#
        One object per example: Document (path relative to -Root), Name (document and title, unique per document),
        Line (of the code), Code, Output (sample output text or $null), Markers (hashtable: kind -> argument).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)] [Alias('FullName')] [string] $Path,
        # Document names are relative to this folder (the repository root).
        [string] $Root = (Split-Path $Path)
    )
    process {
        $file = (Resolve-Path $Path).Path
        # Not [IO.Path]::GetRelativePath: .NET Framework (Windows PowerShell 5.1) lacks it.
        $rootPath = (Resolve-Path $Root).Path.TrimEnd('\', '/')
        $document = $(if ($file.StartsWith($rootPath, [StringComparison]::OrdinalIgnoreCase)) { $file.Substring($rootPath.Length + 1) } else { $file }) -replace '\\', '/'
        $lines = @(Get-Content -LiteralPath $file -Encoding UTF8)
        $leaf = Split-Path $file -Leaf
        $kind = if ($leaf -like 'about_*') { 'About' } elseif ($leaf -cmatch '^[A-Z][a-z]+-\w+\.md$') { 'Command' } else { 'Page' }
        $blocks = @(Read-MarkdownBlock -Lines $lines -IndentedCode:($kind -eq 'About'))
        ConvertTo-Example -Blocks $blocks -Kind $kind -Document $document
    }
}

function Read-MarkdownBlock {
    <# The page as a flat list of headings, markers, fenced blocks and (for about topics) indented code blocks. #>
    param([string[]] $Lines, [switch] $IndentedCode)
    $i = 0
    $previousBlank = $true
    while ($i -lt $Lines.Count) {
        $line = $Lines[$i]
        if ($line -match '^(?<indent> {0,3})(?<fence>```+|~~~+)\s*(?<info>[\w-]*)\s*$') {
            # A fence inside a list item is indented; its lines lose that indent.
            $indent = $Matches.indent.Length
            $fence = $Matches.fence
            $info = $Matches.info
            $start = $i + 1
            $body = [System.Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $Lines.Count -and $Lines[$i] -notmatch "^ {0,3}$([regex]::Escape($fence))\s*$") {
                $body.Add(($Lines[$i] -replace "^ {0,$indent}", '')); $i++
            }
            [pscustomobject]@{ Type = 'Fence'; Info = $info.ToLowerInvariant(); Text = ($body -join "`n"); Line = $start + 1 }
            $i++
            $previousBlank = $false
            continue
        }
        if ($line -match '^(?<level>#{1,6})\s+(?<title>.+?)\s*$') {
            [pscustomobject]@{ Type = 'Heading'; Level = $Matches.level.Length; Title = $Matches.title; Line = $i + 1 }
        }
        elseif ($line -match $script:MarkerPattern) {
            $argument = $Matches.arg -replace '^\((.*)\)$', '$1'
            [pscustomobject]@{ Type = 'Marker'; Kind = $Matches.kind.ToLowerInvariant(); Argument = $argument; Line = $i + 1 }
        }
        elseif ($IndentedCode -and $previousBlank -and $line -match '^ {4}\S') {
            $start = $i
            $body = [System.Collections.Generic.List[string]]::new()
            # The block goes on over blank lines that are followed by more indented lines.
            while ($i -lt $Lines.Count -and ($Lines[$i] -match '^ {4}' -or ($Lines[$i] -match '^\s*$' -and $i + 1 -lt $Lines.Count -and $Lines[$i + 1] -match '^ {4}'))) {
                $body.Add(($Lines[$i] -replace '^ {4}', '')); $i++
            }
            [pscustomobject]@{ Type = 'Fence'; Info = 'powershell'; Text = ($body -join "`n").TrimEnd(); Line = $start + 1 }
            $previousBlank = $false
            continue
        }
        # Indented code may follow a blank line, a heading or a marker (not a paragraph: that would be its continuation).
        elseif ($line.Trim()) {
            [pscustomobject]@{ Type = 'Text'; Text = $line; Line = $i + 1 }
        }
        $previousBlank = $line -match '^\s*$|^#{1,6}\s' -or $line -match $script:MarkerPattern
        $i++
    }
}

function ConvertTo-Example {
    <# Pairs each PowerShell block with its markers, its title and the sample output that follows it. #>
    param([object[]] $Blocks, [string] $Kind, [string] $Document)
    $inExamples = $Kind -ne 'Command'
    $heading = ''
    $markers = @{}
    $seen = @{}
    for ($index = 0; $index -lt $Blocks.Count; $index++) {
        $block = $Blocks[$index]
        switch ($block.Type) {
            'Heading' {
                if ($Kind -eq 'Command' -and $block.Level -le 2) { $inExamples = $block.Title -eq 'EXAMPLES' }
                if ($Kind -ne 'Command' -or $block.Level -ge 3) { $heading = $block.Title }
                $markers = @{}
            }
            'Marker' { $markers[$block.Kind] = $block.Argument }
            'Fence' {
                if ($inExamples -and $block.Info -in $script:PowerShellFences) {
                    $code = $block.Text
                    $output = $null
                    $following = @(if ($index + 1 -lt $Blocks.Count) { $Blocks[($index + 1)..($Blocks.Count - 1)] })
                    $prompted = @($code -split "`n" | Where-Object { $_ -match '^PS> ' })
                    if ($prompted.Count -gt 0) {
                        $output = (@($code -split "`n" | Where-Object { $_ -notmatch '^PS> ' -and $_.Trim() }) -join "`n")
                        $code = ($prompted -replace '^PS> ', '') -join "`n"
                    }
                    else {
                        $next = @($following | Where-Object Type -NE 'Text') | Select-Object -First 1
                        if ($next -and $next.Type -eq 'Fence' -and $next.Info -eq '') { $output = $next.Text }
                    }
                    # The prose up to the next code block or heading.
                    $prose = foreach ($later in $following) {
                        if ($later.Type -eq 'Heading' -or ($later.Type -eq 'Fence' -and $later.Info -in $script:PowerShellFences)) { break }
                        if ($later.Type -eq 'Text') { $later.Text }
                    }
                    $whatIf = @([regex]::Matches(($prose -join ' '), '`(What if: [^`]+)`') | ForEach-Object { $_.Groups[1].Value })
                    # A comment with spaces is prose ("# the server's own words"); one word is the printed value.
                    $printed = @([regex]::Matches($code, '(?m)^\s*\$[\w.]+(?:\[[^\]]+\])?(?:\.[\w]+)*\s+#\s*(?<value>\S+)\s*$') | ForEach-Object { $_.Groups['value'].Value })
                    $seen[$heading] = 1 + $(if ($seen.ContainsKey($heading)) { $seen[$heading] } else { 0 })
                    [pscustomobject]@{
                        PSTypeName = 'OperationsModule.DocExample'
                        Document   = $Document
                        Kind       = $Kind
                        Heading    = $heading
                        Ordinal    = $seen[$heading]
                        Name       = ''
                        Line       = $block.Line
                        Code       = $code
                        Output     = $output
                        WhatIf     = $whatIf
                        Printed    = $printed
                        Markers    = $markers
                    }
                }
                $markers = @{}
            }
        }
    }
}

function Get-DocumentExample {
    <#
        Every example of a set of pages, each named "<document>: <heading>", with " (block N)" where a heading holds
        more than one block, so that every name is unique (Pester test names).
    #>
    param([Parameter(Mandatory)] [string[]] $Path, [Parameter(Mandatory)] [string] $Root)
    $examples = @($Path | Get-MarkdownExample -Root $Root)
    $groups = $examples | Group-Object Document, Heading
    foreach ($group in $groups) {
        foreach ($example in $group.Group) {
            $title = if ($example.Heading) { $example.Heading } else { 'top' }
            $example.Name = '{0}: {1}' -f $example.Document, $title
            if ($group.Count -gt 1) { $example.Name += " (block $($example.Ordinal))" }
        }
    }
    $examples
}

Export-ModuleMember -Function Get-MarkdownExample, Get-DocumentExample

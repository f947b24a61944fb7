#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Where a help page names a property, the property exists: each OUTPUTS entry of docs/en-US lists the properties of
    its type ("OperationId, Paths (without -OutFile), ..., Links (Progress, Result, Cancel)"), and each example's prose
    that says "the `Name` property" means a property of one of the page's output types.
#>

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Outputs = [System.Collections.Generic.List[hashtable]]::new()
    $script:Prose = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($page in Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*-*.md' | Sort-Object Name) {
        $text = Get-Content -LiteralPath $page.FullName -Raw
        $outputSection = [regex]::Match($text, '(?ms)^## OUTPUTS\s*$(.*?)^## ').Groups[1].Value
        foreach ($match in [regex]::Matches($outputSection, '(?ms)^### (?<type>OperationsModule\.[\w.]+)\s*$\s*(?<text>.*?)(?=^### |\z)')) {
            if ($match.Groups['text'].Value.Trim()) {
                $Outputs.Add(@{ Page = $page.Name; Type = $match.Groups['type'].Value; Text = $match.Groups['text'].Value.Trim() })
            }
        }
        $types = @([regex]::Matches($outputSection, '(?m)^### (OperationsModule\.[\w.]+)') | ForEach-Object { $_.Groups[1].Value })
        $exampleSection = [regex]::Match($text, '(?ms)^## EXAMPLES\s*$(.*?)^## ').Groups[1].Value
        foreach ($match in [regex]::Matches($exampleSection, '`(?<name>[A-Z]\w+)` property')) {
            $Prose.Add(@{ Page = $page.Name; Types = $types; Name = $match.Groups['name'].Value })
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule

    # The module's types resolve by name once it is imported (OperationsModule.Core.dll is loaded with it).
    function Get-PropertyName([type] $Type) { $Type.GetProperties().Name }

    # Words in an OUTPUTS entry that are not property names: openings, system names, values.
    $script:NotProperties = 'With', 'One', 'Its', 'BigChange', 'PowerShell', 'Completed', 'Operations'
}

Describe 'The OUTPUTS of <Page> name properties of <Type>' -ForEach $Outputs {
    It 'names only properties that exist' {
        $names = @(Get-PropertyName $Type)
        # Code and parameter names (`-PassThru`, -Wait) are not property names.
        $rest = $Text -replace '`[^`]*`', '' -replace '(?<!\w)-\w+', ''
        # "Links (Progress, Result, Cancel)": the listed names belong to that property's type; "properties (A, B)": to the type.
        foreach ($list in [regex]::Matches($rest, '(?<owner>\w+) \((?<list>[A-Z]\w*(?:, [A-Z]\w*)+)\)')) {
            $owner = $list.Groups['owner'].Value
            $ownerNames = if ($owner -ceq 'properties') { $names } else {
                $owner | Should -BeIn $names -Because "$Page names $owner"
                Get-PropertyName ([type]$Type).GetProperty($owner).PropertyType
            }
            foreach ($name in $list.Groups['list'].Value -split ', ') { $name | Should -BeIn $ownerNames -Because "$Page names $owner's $name" }
        }
        # What is left in parentheses are values ("Status (CancelRequested)") or remarks.
        $rest = [regex]::Replace($rest, '\w+ \([A-Z]\w*(?:, [A-Z]\w*)+\)', '')
        $rest = [regex]::Replace($rest, '\([^()]*\)', '')
        $mentioned = @([regex]::Matches($rest, '\b[A-Z][A-Za-z]+\b').Value | Where-Object { $_ -cnotin $NotProperties } | Select-Object -Unique)
        foreach ($name in $mentioned) { $name | Should -BeIn $names -Because "$Page's OUTPUTS names $name as a property of $Type" }
    }
}

Describe 'The examples of <Page> call <Name> a property' -ForEach $Prose {
    It 'of one of the page''s output types' {
        $names = @($Types | ForEach-Object { Get-PropertyName $_ })
        $Name | Should -BeIn $names
    }
}

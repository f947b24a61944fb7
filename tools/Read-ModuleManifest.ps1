<#
.SYNOPSIS
    The data of a module manifest, read as Import-Module reads it.
.DESCRIPTION
    OperationsModule.psd1 chooses its nested modules by $PSEdition, which Import-PowerShellDataFile refuses. This
    evaluates the manifest in restricted language with only the variables PowerShell allows a manifest ($PSEdition,
    $PSScriptRoot), so it runs nothing a manifest may not. -Edition shows what the other edition reads.
.EXAMPLE
    (./tools/Read-ModuleManifest.ps1 ./OperationsModule.psd1).ModuleVersion
.EXAMPLE
    (./tools/Read-ModuleManifest.ps1 ./OperationsModule.psd1 -Edition Desktop).NestedModules
#>
[CmdletBinding()]
[OutputType([hashtable])]
param(
    [Parameter(Mandatory, Position = 0)] [string] $Path,
    # The edition to read it as; the running one by default.
    [ValidateSet('Desktop', 'Core')] [string] $Edition = $PSEdition
)

$ErrorActionPreference = 'Stop'
$text = Get-Content -Raw -LiteralPath $Path
# $PSEdition is a constant no scope can shadow: the edition asked for is put in its place as a literal.
$text = [regex]::Replace($text, '\$PSEdition\b', "'$Edition'", [Text.RegularExpressions.RegexOptions]::IgnoreCase)
$manifest = [scriptblock]::Create($text)
$manifest.CheckRestrictedLanguage([string[]]@(), [string[]]@('PSScriptRoot'), $false)
$data = & $manifest
if ($data -isnot [hashtable]) { throw "$Path is not a module manifest: it evaluates to $(if ($null -eq $data) { 'nothing' } else { $data.GetType().Name }), not a hashtable." }
$data

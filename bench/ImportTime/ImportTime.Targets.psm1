# The modules the import bench times besides the built one: the trivial baseline (with or without one view) and copies
# of the built module with a part of the manifest emptied. A wrong copy would time something else under a right name.
# And the pwsh that imports them.

function Get-PwshLaunch {
    # The same pwsh as this one, as a command and its first arguments: its native host where there is one, else dotnet
    # with pwsh.dll (the pinned .NET tool, or a ReadyToRun copy of it).
    $native = @('pwsh', 'pwsh.exe' | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path $_ })
    if ($native) { @($native[0]) } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }
}

function New-TrivialModule([string] $Work, [string] $Name, [switch] $OneView) {
    # A binary module of one cmdlet (compiled here with Add-Type): the baseline every figure is taken over.
    $folder = Join-Path $Work $Name
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    Add-Type -OutputAssembly (Join-Path $folder "$Name.dll") -OutputType Library -TypeDefinition @"
using System.Management.Automation;
[Cmdlet(VerbsCommon.Get, "$Name")]
public sealed class Get${Name}Command : PSCmdlet { protected override void ProcessRecord() => WriteObject(1); }
"@
    $formats = ''
    if ($OneView) {
        # One table view of one column: what any module with views pays PowerShell, whatever its views hold.
        $view = '<TableControl><TableHeaders><TableColumnHeader><Label>Id</Label></TableColumnHeader></TableHeaders><TableRowEntries>' +
            '<TableRowEntry><TableColumnItems><TableColumnItem><PropertyName>Id</PropertyName></TableColumnItem></TableColumnItems>' +
            '</TableRowEntry></TableRowEntries></TableControl>'
        Set-Content -Path (Join-Path $folder "$Name.Format.ps1xml") -Value ('<?xml version="1.0" encoding="utf-8"?><Configuration><ViewDefinitions>' +
            "<View><Name>$Name</Name><ViewSelectedBy><TypeName>$Name.Item</TypeName></ViewSelectedBy>$view</View></ViewDefinitions></Configuration>")
        $formats = "; FormatsToProcess = @('$Name.Format.ps1xml')"
    }
    Set-Content -Path (Join-Path $folder "$Name.psd1") -Value "@{ RootModule = '$Name.dll'; ModuleVersion = '1.0.0'; GUID = '$([guid]::NewGuid())'; CmdletsToExport = @('Get-$Name')$formats }"
    Join-Path $folder "$Name.psd1"
}

function New-ModuleVariant([string] $Work, [string] $Manifest, [string] $Name) {
    # A copy of the built module with one part of its manifest emptied, to see what that part costs.
    $folder = Join-Path $Work $Name 'OperationsModule'
    Copy-Item -Path (Split-Path $Manifest) -Destination $folder -Recurse -Force
    $path = Join-Path $folder 'OperationsModule.psd1'
    $text = Get-Content -Raw $path
    # Each key's whole value, to the end of its line.
    $values = @{
        NoFormat = @{ FormatsToProcess = '@()' }
    }[$Name]
    if (-not $values) { throw "Unknown variant '$Name': use NoFormat." }
    foreach ($key in $values.Keys) { $text = $text -replace "(?m)^(\s*$key\s*=\s*).*$", "`${1}$($values[$key])" }
    Set-Content -Path $path -Value $text -NoNewline
    $path
}

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

function Copy-BuiltModule([string] $Work, [string] $Manifest, [string] $Name) {
    # The built module's folder under $Work/$Name, still called OperationsModule (its manifest's name); returns it.
    $folder = Join-Path $Work $Name 'OperationsModule'
    Copy-Item -Path (Split-Path $Manifest) -Destination $folder -Recurse -Force
    $folder
}

function New-SameFaceModule([string] $Work, [string] $Manifest) {
    # The built module's public face without its implementation: the same manifest and format file, and one assembly of
    # trivial cmdlets with the same names and [Cmdlet] attributes (SupportsShouldProcess, ConfirmImpact,
    # DefaultParameterSetName: what PowerShell reads at import). What the module costs over this is its own code's.
    $folder = Copy-BuiltModule $Work $Manifest 'SameFace'
    Get-ChildItem -Path $folder -Filter 'OperationsModule*.dll' | Remove-Item
    Remove-Item -Path (Join-Path $folder 'dependencies') -Recurse -Force -ErrorAction Ignore
    $built = [Reflection.Assembly]::LoadFrom((Join-Path (Split-Path $Manifest) 'OperationsModule.dll'))
    $classes = foreach ($type in $built.GetExportedTypes()) {
        if ($type.IsAbstract -or -not $type.IsSubclassOf([System.Management.Automation.Cmdlet])) { continue }
        $attribute = $type.GetCustomAttributesData() | Where-Object { $_.AttributeType -eq [System.Management.Automation.CmdletAttribute] }
        $arguments = @($attribute.ConstructorArguments | ForEach-Object { ConvertTo-CSharpLiteral $_ }) +
            @($attribute.NamedArguments | ForEach-Object { "$($_.MemberName) = $(ConvertTo-CSharpLiteral $_.TypedValue)" })
        "[Cmdlet($($arguments -join ', '))] public sealed class $($type.Name) : PSCmdlet { protected override void ProcessRecord() => WriteObject(1); }"
    }
    Add-Type -OutputAssembly (Join-Path $folder 'OperationsModule.dll') -OutputType Library -TypeDefinition (
        "using System.Management.Automation;`n" + ($classes -join "`n"))
    Join-Path $folder 'OperationsModule.psd1'
}

function ConvertTo-CSharpLiteral([System.Reflection.CustomAttributeTypedArgument] $Argument) {
    # An attribute argument as C# source: a string quoted, a bool as a keyword, an enum as a cast of its number.
    $value = $Argument.Value
    if ($Argument.ArgumentType -eq [string]) { return '"' + ($value -replace '\\', '\\' -replace '"', '\"') + '"' }
    if ($Argument.ArgumentType -eq [bool]) { return $value.ToString().ToLowerInvariant() }
    if ($Argument.ArgumentType.IsEnum) { return "($($Argument.ArgumentType.FullName))$value" }
    throw "No C# literal for an attribute argument of type $($Argument.ArgumentType)."
}

function New-ModuleVariant([string] $Work, [string] $Manifest, [string] $Name) {
    # A copy of the built module with one part of its manifest emptied, to see what that part costs.
    $folder = Copy-BuiltModule $Work $Manifest $Name
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

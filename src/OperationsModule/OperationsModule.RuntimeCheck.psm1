<#
    Runs before the module's assemblies load (the manifest's only nested module). Windows PowerShell enforces the
    manifest's DotNetFrameworkVersion only below 4.5 (about_Module_Manifests), so on .NET Framework 4.6.2 the import
    would otherwise fail with "Could not load file or assembly 'netstandard, Version=2.0.0.0'". This stops it with a
    message that names the version needed. PowerShell 7 (Core edition) is never checked.
#>

function Assert-OperationsModuleRuntime {
    <# Fails the import when a Desktop edition runs on a .NET Framework older than 4.7.2 (Release DWORD 461808). #>
    param(
        [string] $Edition = $PSVersionTable.PSEdition,
        [Nullable[int]] $Release = $null
    )
    if ($Edition -ne 'Desktop') { return }
    if ($null -eq $Release) {
        $Release = (Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' -Name Release -ErrorAction SilentlyContinue).Release
        # Unreadable: Windows PowerShell 5.1 itself needs 4.5+, so let the import try rather than guess.
        if ($null -eq $Release) { return }
    }
    if ($Release -ge 461808) { return }
    $found = switch ($Release) {
        { $_ -ge 461308 } { '4.7.1'; break }
        { $_ -ge 460798 } { '4.7'; break }
        { $_ -ge 394802 } { '4.6.2'; break }
        { $_ -ge 394254 } { '4.6.1'; break }
        { $_ -ge 393295 } { '4.6'; break }
        { $_ -ge 379893 } { '4.5.2'; break }
        { $_ -ge 378675 } { '4.5.1'; break }
        { $_ -ge 378389 } { '4.5'; break }
        default { 'older than 4.5' }
    }
    throw "OperationsModule needs .NET Framework 4.7.2 or later (Release 461808 or higher) in Windows PowerShell 5.1; this computer has .NET Framework $found (Release $Release). Install .NET Framework 4.8 (https://dotnet.microsoft.com/download/dotnet-framework), or use PowerShell 7."
}

Assert-OperationsModuleRuntime
Export-ModuleMember

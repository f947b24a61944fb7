#Requires -Version 7.4
<#
    Run by Test-PackageInstall.ps1 in a child pwsh that looks like a fresh user's machine: registers the packages folder
    as a PSResourceGet repository, installs both modules from it by name, checks where they landed and that the
    simulator tool is on PATH, then runs the examples' Pester tests and the kit's own (OperationsModule.Testing.Tests.ps1). Exits 1 when any of it fails.
#>
param(
    [Parameter(Mandatory)] [string] $Packages,
    [Parameter(Mandatory)] [string] $Examples,
    [Parameter(Mandatory)] [string] $PesterPath
)
$ErrorActionPreference = 'Stop'

Register-PSResourceRepository -Name OperationsModuleLocal -Uri $Packages -Trusted
Install-PSResource -Name OperationsModule, OperationsModule.Testing -Repository OperationsModuleLocal -Scope CurrentUser -TrustRepository -Quiet
foreach ($name in 'OperationsModule', 'OperationsModule.Testing') {
    $installed = @(Get-Module -ListAvailable $name)
    if ($installed.Count -ne 1 -or -not $installed[0].ModuleBase.StartsWith($HOME)) {
        throw "$name is not installed (only) under $HOME`: $($installed.ModuleBase -join ', ')"
    }
    Write-Host "$name $($installed[0].Version) installed in $($installed[0].ModuleBase)"
}
Write-Host "operations-simulator on PATH: $((Get-Command operations-simulator -CommandType Application).Source)"

Import-Module $PesterPath
$configuration = New-PesterConfiguration
# The examples, and the kit's own tests beside this script.
$configuration.Run.Path = @($Examples, (Join-Path $PSScriptRoot 'OperationsModule.Testing.Tests.ps1'))
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration
Write-Host "examples: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
if ($result.Result -ne 'Passed' -or $result.PassedCount -eq 0 -or $result.FailedContainersCount -gt 0) { exit 1 }
exit 0

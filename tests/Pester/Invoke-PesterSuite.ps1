#Requires -Version 5.1
<#
.SYNOPSIS
    Runs the Pester 5 suite in tests/Pester and exits non-zero when anything fails.
.DESCRIPTION
    The suite imports the built module and starts the simulator itself, every test file through
    TestHelpers.psm1. -ModulePath (the folder holding OperationsModule.psd1) and -SimulatorPath (the
    OperationsModule.Simulator.dll) reach it as $env:OPERATIONSMODULE_PATH / $env:OPERATIONSMODULE_SIMULATOR,
    set for the run and restored afterwards; without them (and without those variables already set),
    out/OperationsModule and the newest simulator build are used.
.EXAMPLE
    ./tests/Pester/Invoke-PesterSuite.ps1 -ModulePath out/OperationsModule
.EXAMPLE
    ./tests/Pester/Invoke-PesterSuite.ps1 -ExcludeTag Desktop -TestResultPath out/pester.xml
#>
[CmdletBinding()]
param(
    [string] $ModulePath,
    [string] $SimulatorPath,
    # Pester.psd1 of the pinned package (the test project passes it); without it, the newest installed Pester 5.
    [string] $PesterPath,
    [string[]] $Tag,
    [string[]] $ExcludeTag,
    [string] $TestResultPath,
    # Writes one line, 'pester: N passed, M failed, K skipped', to this file (CI prints it beside its totals).
    [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
$pester = if ($PesterPath) { $PesterPath } else {
    Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
}
if (-not $pester -or ($PesterPath -and -not (Test-Path $PesterPath))) {
    Write-Error "Pester 5 was not found ($PesterPath): run 'dotnet restore tests/OperationsModule.PowerShell.Tests' (it downloads the pinned Pester package), or Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser" -ErrorAction Continue
    exit 2
}
Import-Module $pester -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
if ($Tag) { $configuration.Filter.Tag = $Tag }
if ($ExcludeTag) { $configuration.Filter.ExcludeTag = $ExcludeTag }
if ($TestResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = $TestResultPath
    $configuration.TestResult.OutputFormat = 'NUnitXml'
}

# TestHelpers.psm1 reads these; restore the caller's values so a run from an interactive session leaves no trace.
$saved = @{ Path = $env:OPERATIONSMODULE_PATH; Simulator = $env:OPERATIONSMODULE_SIMULATOR }
try {
    if ($ModulePath) { $env:OPERATIONSMODULE_PATH = (Resolve-Path $ModulePath).Path }
    if ($SimulatorPath) { $env:OPERATIONSMODULE_SIMULATOR = (Resolve-Path $SimulatorPath).Path }
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    $env:OPERATIONSMODULE_PATH = $saved.Path
    $env:OPERATIONSMODULE_SIMULATOR = $saved.Simulator
}

$summary = "pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
Write-Host $summary
if ($SummaryPath) {
    New-Item -ItemType Directory -Path (Split-Path $SummaryPath) -Force | Out-Null
    Set-Content -Path $SummaryPath -Value $summary
}

# Failed containers (a BeforeAll that threw) fail the run as much as failed tests do.
if ($result.Result -ne 'Passed' -or $result.FailedCount -gt 0 -or $result.FailedContainersCount -gt 0) {
    Write-Host "Pester: $($result.FailedCount) test(s) failed, $($result.FailedContainersCount) container(s) failed." -ForegroundColor Red
    exit 1
}
exit 0

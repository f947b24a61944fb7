#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates OperationsModule.
.DESCRIPTION
    Tasks:
      Build   (default) dotnet build, then assemble an importable module folder in out/OperationsModule.
      Test    dotnet test (xunit Core and Contract suites; the Pester suite runs inside it when pwsh has Pester 5).
      Docs    Build, then turn docs/en-US (PlatyPS markdown) into MAML help in out/OperationsModule/en-US (needs platyPS).
      Package Build and Docs, then zip out/OperationsModule into out/OperationsModule-<version>.zip.
      Demo    Build, then run tools/Demo.ps1: a scripted tour against the bundled simulator.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 Demo
.EXAMPLE
    ./build.ps1 Test -Configuration Debug
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'OperationsModule'
$moduleBin = Join-Path $root "src/OperationsModule/bin/$Configuration/netstandard2.0"
$simulatorDll = Join-Path $root "src/OperationsModule.Simulator/bin/$Configuration/net10.0/OperationsModule.Simulator.dll"

# Assemblies Windows PowerShell 5.1 lacks; PowerShell 7 has its own copies, which win. They go to dependencies/
# and are resolved by ModuleInitializer (the PSResourceGet layout), so they never collide with another module's.
$dependencyAssemblies = @(
    'System.Text.Json', 'System.Text.Encodings.Web', 'Microsoft.Bcl.AsyncInterfaces', 'System.Buffers',
    'System.Memory', 'System.Numerics.Vectors', 'System.Runtime.CompilerServices.Unsafe', 'System.Threading.Tasks.Extensions'
)

function Invoke-Native {
    param([string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'OperationsModule.sln'), '-c', $Configuration, '--nologo')
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $moduleOut 'dependencies') -Force
    foreach ($file in 'OperationsModule.dll', 'OperationsModule.Core.dll', 'OperationsModule.psd1', 'OperationsModule.Format.ps1xml') {
        Copy-Item (Join-Path $moduleBin $file) $moduleOut
    }
    foreach ($name in $dependencyAssemblies) {
        Copy-Item (Join-Path $moduleBin "$name.dll") $dependencies.FullName
    }
    $manifest = Test-ModuleManifest (Join-Path $moduleOut 'OperationsModule.psd1')
    Write-Host "Module $($manifest.Version) assembled in $moduleOut"
}

function Invoke-Test {
    Invoke-Native dotnet @('test', (Join-Path $root 'OperationsModule.sln'), '-c', $Configuration, '--nologo')
}

function Invoke-Docs {
    if (-not (Get-Module -ListAvailable platyPS)) {
        Write-Warning 'platyPS is not installed (Install-Module platyPS): MAML help was not generated. The markdown in docs/en-US is still the source of truth.'
        return
    }
    Import-Module platyPS
    $help = Join-Path $moduleOut 'en-US'
    New-ExternalHelp -Path (Join-Path $root 'docs/en-US') -OutputPath $help -Force | Out-Null
    Write-Host "MAML help written to $help"
}

function Invoke-Package {
    $version = (Import-PowerShellDataFile (Join-Path $root 'OperationsModule.psd1')).ModuleVersion
    $zip = Join-Path $out "OperationsModule-$version.zip"
    if (Test-Path $zip) { Remove-Item $zip -Force }
    Compress-Archive -Path $moduleOut -DestinationPath $zip
    Write-Host "Package written to $zip"
}

function Invoke-Demo {
    & (Join-Path $root 'tools/Demo.ps1') -ModulePath $moduleOut -SimulatorPath $simulatorDll
}

$plan = switch ($Task) {
    'Build' { 'Build' }
    'Test' { 'Test' }
    'Docs' { 'Build', 'Docs' }
    'Package' { 'Build', 'Docs', 'Package' }
    'Demo' { 'Build', 'Demo' }
}
foreach ($step in ($plan | Select-Object -Unique)) {
    Write-Host "== $step" -ForegroundColor Cyan
    & "Invoke-$step"
}

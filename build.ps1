#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates OperationsModule.
.DESCRIPTION
    Tasks:
      Build   (default) dotnet build, then tools/OperationsModule.ModuleBuilder assembles the importable module folder
              out/OperationsModule, with its help: en-US/OperationsModule.dll-Help.xml (MAML) and
              en-US/about_OperationsModule.help.txt, converted from docs/en-US. No PowerShell module is needed.
      Test    dotnet test (the solution's xunit suites, the Pester suite among them).
      Docs    Build, then refresh the cmdlet pages in docs/en-US from the built cmdlets with platyPS's
              Update-MarkdownHelp, where platyPS is installed (it keeps descriptions, adds new parameters as
              placeholders). Without platyPS it only warns: the markdown stays the source of truth either way.
      Package Build, then tools/New-Packages.ps1 writes out/packages/: OperationsModule.<version>.nupkg and
              OperationsModule.Testing.<version>.nupkg (Install-PSResource installs them from a repository holding
              them; the kit's MAML help is converted from docs/OperationsModule.Testing/en-US) and OperationsModule.Simulator.<version>.nupkg (the operations-simulator .NET tool, net8.0 and
              net10.0). The version is OperationsModule.psd1's ModuleVersion; ReleaseNotes come from CHANGELOG.md.
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
$moduleBuilder = Join-Path $root "tools/OperationsModule.ModuleBuilder/bin/$Configuration/net10.0/OperationsModule.ModuleBuilder.dll"
$docs = Join-Path $root 'docs/en-US'

function Invoke-Native {
    param([string] $FilePath, [string[]] $Arguments)
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $root 'OperationsModule.sln'), '-c', $Configuration, '--nologo')
    # The one place that knows the module folder's layout (dependencies/ for Windows PowerShell 5.1) and writes its help.
    Invoke-Native dotnet @($moduleBuilder, '--module-bin', $moduleBin, '--docs', $docs, '--out', $moduleOut)
    $manifest = Test-ModuleManifest (Join-Path $moduleOut 'OperationsModule.psd1')
    Write-Host "Module $($manifest.Version) assembled in $moduleOut"
}

function Invoke-Test {
    Invoke-Native dotnet @('test', (Join-Path $root 'OperationsModule.sln'), '-c', $Configuration, '--nologo')
}

function Invoke-Docs {
    if (-not (Get-Module -ListAvailable platyPS)) {
        Write-Warning 'platyPS is not installed (Install-Module platyPS): docs/en-US was not refreshed from the cmdlets. Build still writes the help from it.'
        return
    }
    # In a child process: the module's DLL cannot be unloaded, and this session may have another copy loaded.
    $pages = @(Get-ChildItem $docs -Filter *.md | Where-Object Name -NotLike 'about_*' | ForEach-Object FullName)
    $update = {
        param([string] $Manifest, [string[]] $Pages)
        Import-Module platyPS
        Import-Module $Manifest
        Update-MarkdownHelp -Path $Pages | Out-Null
    }
    # $PSHOME's own executable: under `dotnet pwsh` (the pinned local tool) this process is dotnet, not pwsh.
    $shell = @('pwsh.exe', 'pwsh', 'powershell.exe' | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path $_ })[0]
    & $shell -NoProfile -NonInteractive -Command $update -args (Join-Path $moduleOut 'OperationsModule.psd1'), $pages
    if ($LASTEXITCODE -ne 0) { throw "Update-MarkdownHelp failed with exit code $LASTEXITCODE" }
    Write-Host "docs/en-US refreshed from the built cmdlets: review the diff, fill in any {{ placeholder }}, then ./build.ps1 again."
}

function Invoke-Package {
    $packages = Join-Path $out 'packages'
    & (Join-Path $root 'tools/New-Packages.ps1') -ModulePath $moduleOut -OutputPath $packages -Configuration $Configuration `
        -ArtifactsPath (Join-Path $out 'simulator-tool') | Format-Table Package, SizeKB -AutoSize | Out-String | Write-Host
    Write-Host "Packages written to $packages"
}

function Invoke-Demo {
    & (Join-Path $root 'tools/Demo.ps1') -ModulePath $moduleOut -SimulatorPath $simulatorDll
}

$plan = switch ($Task) {
    'Build' { 'Build' }
    'Test' { 'Test' }
    'Docs' { 'Build', 'Docs' }
    'Package' { 'Build', 'Package' }
    'Demo' { 'Build', 'Demo' }
}
foreach ($step in ($plan | Select-Object -Unique)) {
    Write-Host "== $step" -ForegroundColor Cyan
    & "Invoke-$step"
}

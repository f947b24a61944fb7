#Requires -Version 7.4
<#
.SYNOPSIS
    Proves a gallery user gets a working kit: builds the three packages, installs them by name into a fresh temporary
    home, and runs the examples' Pester tests against that installation. Exits non-zero when anything fails.
.DESCRIPTION
    1. tools/New-Packages.ps1 writes the packages into <WorkPath>/packages.
    2. A child pwsh (Invoke-InstalledExamples.ps1) whose HOME (and XDG folders) is <WorkPath>/home, whose PSModulePath holds only that home's module
       folder and $PSHOME's, and whose PATH holds only <WorkPath>/tools and the dotnet folder (nothing of the
       repository) registers <WorkPath>/packages as a PSResourceGet repository, runs Install-PSResource
       OperationsModule, OperationsModule.Testing, checks that both came from there, copies examples/ out of the
       repository and runs their *.Tests.ps1 with Pester.
    Before that, `dotnet tool install OperationsModule.Simulator --tool-path <WorkPath>/tools` installs the simulator
    from the packages folder alone (a nuget.config that clears every other source), so Start-OperationsSimulator
    finds `operations-simulator` on PATH.
    Linux and macOS: the isolation relies on HOME deciding PowerShell's per-user folders.
.EXAMPLE
    dotnet pwsh tests/Packages/Test-PackageInstall.ps1 -ModulePath out/OperationsModule
#>
[CmdletBinding()]
param(
    # The assembled module folder to package (out/OperationsModule).
    [Parameter(Mandatory)] [string] $ModulePath,
    # Pester.psd1 (the test project passes the pinned package); without it, the newest installed Pester 5.
    [string] $PesterPath,
    # Scratch folder, emptied first; a new temporary folder when not given.
    [string] $WorkPath,
    # Where dotnet pack builds the tool; reusing one makes reruns incremental.
    [string] $ArtifactsPath,
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $PesterPath) {
    $PesterPath = (Get-Module -ListAvailable Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1).Path
}
if (-not $PesterPath -or -not (Test-Path $PesterPath)) { throw "Pester 5 was not found ($PesterPath): run 'dotnet restore tests/OperationsModule.PowerShell.Tests'." }
if (-not $WorkPath) { $WorkPath = Join-Path ([IO.Path]::GetTempPath()) "om-install-$([guid]::NewGuid().ToString('N'))" }
if (Test-Path $WorkPath) { Remove-Item $WorkPath -Recurse -Force }
$WorkPath = (New-Item -ItemType Directory -Path $WorkPath).FullName
$packages = Join-Path $WorkPath 'packages'
$tools = Join-Path $WorkPath 'tools'
$home_ = Join-Path $WorkPath 'home'
if (-not $ArtifactsPath) { $ArtifactsPath = Join-Path $WorkPath 'artifacts' }

$clock = [Diagnostics.Stopwatch]::StartNew()
& (Join-Path $root 'tools/New-Packages.ps1') -ModulePath $ModulePath -OutputPath $packages -ArtifactsPath $ArtifactsPath -Configuration $Configuration |
    Format-Table Package, SizeKB -AutoSize | Out-String | Write-Host
Write-Host "packages built in $([int]$clock.Elapsed.TotalSeconds) s"
$version = (Import-PowerShellDataFile (Join-Path $root 'OperationsModule.psd1')).ModuleVersion

# Only the packages folder as a source: the tool must install from what was just built, and nothing else is needed.
$nugetConfig = Join-Path $WorkPath 'nuget.config'
Set-Content $nugetConfig "<?xml version=`"1.0`" encoding=`"utf-8`"?>`n<configuration><packageSources><clear /><add key=`"local`" value=`"$packages`" /></packageSources></configuration>"
& dotnet tool install OperationsModule.Simulator --version $version --tool-path $tools --configfile $nugetConfig
if ($LASTEXITCODE -ne 0) { throw "dotnet tool install of OperationsModule.Simulator failed with exit code $LASTEXITCODE." }

Copy-Item (Join-Path $root 'examples') (Join-Path $WorkPath 'examples') -Recurse

# A user's machine: a fresh home, PowerShell's own modules, the installed tool and dotnet, nothing of the repository.
$dotnet = Get-Item (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
$dotnetFolder = Split-Path $(if ($dotnet.ResolvedTarget) { $dotnet.ResolvedTarget } else { $dotnet.FullName })   # /usr/bin/dotnet is often a link
$start = [Diagnostics.ProcessStartInfo]::new('dotnet')
$arguments = (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Invoke-InstalledExamples.ps1'),
    '-Packages', $packages, '-Examples', (Join-Path $WorkPath 'examples'), '-PesterPath', $PesterPath
foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
$start.UseShellExecute = $false
$start.WorkingDirectory = $WorkPath
$environment = $start.Environment
$environment['HOME'] = $home_
$environment['XDG_DATA_HOME'] = Join-Path $home_ '.local/share'
$environment['XDG_CONFIG_HOME'] = Join-Path $home_ '.config'
$environment['XDG_CACHE_HOME'] = Join-Path $home_ '.cache'
$environment['PSModulePath'] = (Join-Path $home_ '.local/share/powershell/Modules') + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
$environment['PATH'] = $tools + [IO.Path]::PathSeparator + $dotnetFolder + [IO.Path]::PathSeparator + '/usr/bin:/bin'
$environment['DOTNET_ROOT'] = $dotnetFolder
$environment['DOTNET_CLI_HOME'] = $home_
$environment.Remove('OPERATIONSMODULE_PATH') | Out-Null
$environment.Remove('OPERATIONSMODULE_SIMULATOR') | Out-Null
New-Item -ItemType Directory -Path $home_ -Force | Out-Null
$process = [Diagnostics.Process]::Start($start)
$process.WaitForExit()
Write-Host "install and examples: exit $($process.ExitCode), $([int]$clock.Elapsed.TotalSeconds) s in all"
exit $process.ExitCode

#Requires -Version 7.2
<#
.SYNOPSIS
    A ReadyToRun-compiled copy of this pwsh, as PowerShell's installers ship it, to time first imports as users meet them.
.DESCRIPTION
    The pinned pwsh is the PowerShell .NET tool package, whose assemblies are IL only: the first use of any of
    PowerShell's code is JIT-compiled, so a first import costs much more there than on an MSI, deb, rpm or Docker
    install, whose PowerShell assemblies are ReadyToRun-compiled. This script compiles PowerShell's own assemblies with
    crossgen2 (which the SDK restores from the package feed for a throwaway project) into a copy of $PSHOME, and prints
    the path of the copy's pwsh.dll. Run Measure-ImportTime.ps1 under that pwsh: it starts its fresh processes from the
    pwsh it runs in.
.EXAMPLE
    $pwsh = dotnet pwsh -NoProfile -File bench/ImportTime/New-ReadyToRunPwsh.ps1
    dotnet $pwsh -NoProfile -File bench/ImportTime/Measure-ImportTime.ps1 -Mode Cold,Warm -Variant OneView
#>
[CmdletBinding()]
param(
    # Where the compiled copy goes; an existing copy of the same PowerShell version is reused.
    [string] $Destination = (Join-Path ([IO.Path]::GetTempPath()) "om-pwsh-r2r-$($PSVersionTable.PSVersion)")
)

$ErrorActionPreference = 'Stop'
# PowerShell's assemblies that a start-up and an import run through; the rest are third-party or seldom loaded.
$assemblies = 'System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
    'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'Newtonsoft.Json', 'pwsh'
$pwshDll = Join-Path $Destination 'pwsh.dll'
$marker = Join-Path $Destination '.readytorun'
if (Test-Path $marker) { return $pwshDll }

$rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
$os = if ($IsWindows) { 'windows' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
$arch = "$([Runtime.InteropServices.RuntimeInformation]::OSArchitecture)".ToLowerInvariant()

# A project that asks for ReadyToRun makes the SDK restore the crossgen2 package matching the runtime it targets.
$project = Join-Path ([IO.Path]::GetTempPath()) "om-crossgen-$PID"
New-Item -ItemType Directory -Path $project -Force | Out-Null
try {
    $framework = "net$([Environment]::Version.Major).$([Environment]::Version.Minor)"
    Set-Content (Join-Path $project 'crossgen.csproj') @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>$framework</TargetFramework><RuntimeIdentifier>$rid</RuntimeIdentifier><PublishReadyToRun>true</PublishReadyToRun></PropertyGroup>
</Project>
"@
    dotnet restore (Join-Path $project 'crossgen.csproj') | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "dotnet restore could not get the crossgen2 package for $rid." }
    $assets = Get-Content -Raw (Join-Path $project 'obj/project.assets.json') | ConvertFrom-Json -AsHashtable
    # A download dependency (a pack), not a library: its exact version is written as a range "[v, v]".
    $pack = $assets.project.frameworks.Values.downloadDependencies | Where-Object { $_.name -like 'Microsoft.NETCore.App.Crossgen2*' } | Select-Object -First 1
    if (-not $pack) { throw "The restore did not bring a crossgen2 package for $rid." }
    $version = ($pack.version -replace '[\[\]\s]', '').Split(',')[0]
    $package = Join-Path $assets.project.restore.packagesPath $pack.name.ToLowerInvariant() $version
} finally {
    Remove-Item -Recurse -Force $project -ErrorAction Ignore
}
$crossgen = Get-ChildItem (Join-Path $package 'tools') -Filter 'crossgen2*' | Where-Object { $_.Extension -in '', '.exe' } | Select-Object -First 1
if (-not $crossgen) { throw "No crossgen2 executable under $package/tools." }

Remove-Item -Recurse -Force $Destination -ErrorAction Ignore
Copy-Item -Recurse $PSHOME $Destination
$runtimeDirectory = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
$compiled = Join-Path $Destination '.compiled'
New-Item -ItemType Directory -Path $compiled | Out-Null
foreach ($name in $assemblies) {
    $output = Join-Path $compiled "$name.dll"
    # A response file: pwsh on Unix would expand the reference wildcards itself, and crossgen2 wants them whole.
    $arguments = Join-Path $compiled "$name.rsp"
    Set-Content $arguments @((Join-Path $Destination "$name.dll"), '-o', $output, '-r', (Join-Path $Destination '*.dll'),
        '-r', (Join-Path $runtimeDirectory '*.dll'), '--targetos', $os, '--targetarch', $arch, '-O')
    & $crossgen.FullName "@$arguments" | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "crossgen2 failed on $name.dll." }
}
# Replaced only once all compiled: a copy half compiled would time something no installer ships.
Get-ChildItem $compiled -Filter '*.dll' | Move-Item -Destination $Destination -Force
Remove-Item -Recurse -Force $compiled
Set-Content $marker (Get-Date -Format o)
$pwshDll

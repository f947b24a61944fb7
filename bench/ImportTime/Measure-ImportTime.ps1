#Requires -Version 7.0
<#
.SYNOPSIS
    First Import-Module of the built module in fresh pwsh processes, against a trivial binary module.
.DESCRIPTION
    Each round starts two fresh processes of this same pwsh, one importing a trivial binary module (one cmdlet, a
    manifest, built here with Add-Type) and one importing OperationsModule, in alternating order so that background
    load falls on both alike. Each process times its own Import-Module with a Stopwatch (in-process: the process
    start-up, identical for both, stays out of the figure). Reported: the median import time of each, and the median of
    the per-round differences, which is the figure the target (at most 30 ms over the trivial module) is about.
    -Variant adds copies of the built module with a part removed, to see what each part costs.
.EXAMPLE
    dotnet pwsh bench/ImportTime/Measure-ImportTime.ps1 -ModulePath out/OperationsModule -Rounds 41
#>
[CmdletBinding()]
param(
    # The folder holding OperationsModule.psd1 (from build.ps1, or a test build's module folder).
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/OperationsModule'),
    [ValidateRange(3, 1000)] [int] $Rounds = 31,
    # Extra copies of the module to time beside it: NoFormat (FormatsToProcess emptied), NoNested (NestedModules emptied).
    [ValidateSet('NoFormat', 'NoNested')] [string[]] $Variant = @(),
    # Other module manifests to time in the same rounds (an older build, for a before/after), named by their folder.
    [string[]] $Compare = @()
)

$ErrorActionPreference = 'Stop'
$manifest = Join-Path (Resolve-Path $ModulePath).Path 'OperationsModule.psd1'
if (-not (Test-Path $manifest)) { throw "No OperationsModule.psd1 in ${ModulePath}: run 'dotnet pwsh ./build.ps1' first, or pass -ModulePath." }
$work = Join-Path ([IO.Path]::GetTempPath()) "om-import-bench-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null

function New-TrivialModule {
    $folder = Join-Path $work 'Trivial'
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    Add-Type -OutputAssembly (Join-Path $folder 'Trivial.dll') -OutputType Library -TypeDefinition @'
using System.Management.Automation;
[Cmdlet(VerbsCommon.Get, "Trivial")]
public sealed class GetTrivialCommand : PSCmdlet { protected override void ProcessRecord() => WriteObject(1); }
'@
    Set-Content -Path (Join-Path $folder 'Trivial.psd1') -Value "@{ RootModule = 'Trivial.dll'; ModuleVersion = '1.0.0'; GUID = '$([guid]::NewGuid())'; CmdletsToExport = @('Get-Trivial') }"
    Join-Path $folder 'Trivial.psd1'
}

function New-ModuleVariant([string] $Name) {
    $folder = Join-Path $work $Name 'OperationsModule'
    Copy-Item -Path (Split-Path $manifest) -Destination $folder -Recurse -Force
    $path = Join-Path $folder 'OperationsModule.psd1'
    $text = Get-Content -Raw $path
    $key = @{ NoFormat = 'FormatsToProcess'; NoNested = 'NestedModules' }[$Name]
    # The whole value, to the end of its line: NestedModules is an expression (chosen by $PSEdition), not a plain list.
    $text = $text -replace "(?m)^(\s*$key\s*=\s*).*$", '$1@()'
    Set-Content -Path $path -Value $text
    $path
}

# The same pwsh as this one: its native host where there is one, else dotnet with pwsh.dll.
$pwshHost = @(Join-Path $PSHOME 'pwsh'; Join-Path $PSHOME 'pwsh.exe') | Where-Object { Test-Path $_ } | Select-Object -First 1
$launch = if ($pwshHost) { @($pwshHost) } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }

# Wall time and the process's CPU time over the Import-Module alone. CPU time is the steadier figure on a loaded machine:
# waiting for a core shows in wall time only. The importing thread's own CPU time (Linux: /proc/thread-self/schedstat,
# in nanoseconds) leaves out the process's background threads too. Bytes allocated by the importing thread and the
# assemblies the import loaded do not depend on load at all: they show a change's effect on a machine too busy to time it.
function Measure-Import([string] $Path) {
    $script = "`$me = [Diagnostics.Process]::GetCurrentProcess(); `$before = [AppDomain]::CurrentDomain.GetAssemblies().Count; " +
        # .NET calls only before the import: a cmdlet here (Test-Path) would warm up what Import-Module then finds ready.
        "function ThreadNs { if ([IO.File]::Exists('/proc/thread-self/schedstat')) { [double][IO.File]::ReadAllText('/proc/thread-self/schedstat').Split(' ')[0] } else { [double]::NaN } }; " +
        "`$ns = ThreadNs; `$bytes = [GC]::GetAllocatedBytesForCurrentThread(); `$cpu = `$me.TotalProcessorTime; `$s = [Diagnostics.Stopwatch]::StartNew(); " +
        "Import-Module '$Path'; `$wall = `$s.Elapsed.TotalMilliseconds; `$threadMs = ((ThreadNs) - `$ns) / 1e6; `$me.Refresh(); " +
        "`$kb = ([GC]::GetAllocatedBytesForCurrentThread() - `$bytes) / 1KB; `$loaded = [AppDomain]::CurrentDomain.GetAssemblies().Count - `$before; " +
        "'{0} {1} {2} {3} {4}' -f `$wall.ToString([cultureinfo]::InvariantCulture), (`$me.TotalProcessorTime - `$cpu).TotalMilliseconds.ToString([cultureinfo]::InvariantCulture), " +
        "`$kb.ToString([cultureinfo]::InvariantCulture), `$loaded, `$threadMs.ToString([cultureinfo]::InvariantCulture)"
    $exe, $rest = $launch
    $out = & $exe @rest -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "Importing $Path failed: $out" }
    $wall, $cpu, $kb, $loaded, $thread = @($out)[-1].Split(' ')
    $invariant = [cultureinfo]::InvariantCulture
    [pscustomobject]@{
        Wall = [double]::Parse($wall, $invariant); Cpu = [double]::Parse($cpu, $invariant)
        AllocKB = [double]::Parse($kb, $invariant); Assemblies = [int]$loaded; ThreadCpu = [double]::Parse($thread, $invariant)
    }
}

function Get-Quantile([double[]] $Values, [double] $Q) {
    $sorted = @($Values | Sort-Object)
    $sorted[[math]::Min($sorted.Count - 1, [math]::Floor($Q * $sorted.Count))]
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

$targets = [ordered]@{ trivial = New-TrivialModule; module = $manifest }
foreach ($name in $Variant) { $targets[$name] = New-ModuleVariant $name }
foreach ($path in $Compare) {
    $full = (Resolve-Path $path).Path
    $folder = Split-Path $full
    # Module folders are all called OperationsModule: the folder above tells the builds apart.
    $name = if ((Split-Path $folder -Leaf) -eq 'OperationsModule') { Split-Path (Split-Path $folder) -Leaf } else { Split-Path $folder -Leaf }
    $targets[$name] = $full
}
$times = @{}
foreach ($name in $targets.Keys) { $times[$name] = [Collections.Generic.List[object]]::new() }

function Get-LoadAverage { if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' } }
$loadBefore = Get-LoadAverage

# One unmeasured round: the first process start reads every file from disk.
foreach ($path in $targets.Values) { Measure-Import $path | Out-Null }
for ($round = 0; $round -lt $Rounds; $round++) {
    $order = @($targets.Keys)
    if ($round % 2) { [array]::Reverse($order) }
    foreach ($name in $order) { $times[$name].Add((Measure-Import $targets[$name])) }
}

# Before and after: paired rounds share the load, but a busy machine widens the spread.
$load = "$loadBefore -> $(Get-LoadAverage)"
foreach ($name in $targets.Keys) {
    $wallOver = for ($i = 0; $i -lt $Rounds; $i++) { $times[$name][$i].Wall - $times['trivial'][$i].Wall }
    $cpuOver = for ($i = 0; $i -lt $Rounds; $i++) { $times[$name][$i].Cpu - $times['trivial'][$i].Cpu }
    $threadOver = for ($i = 0; $i -lt $Rounds; $i++) { $times[$name][$i].ThreadCpu - $times['trivial'][$i].ThreadCpu }
    [pscustomobject]@{
        Module         = $name
        ImportMs       = [math]::Round((Get-Median $times[$name].Wall), 1)
        OverTrivialMs  = [math]::Round((Get-Median $wallOver), 1)
        ImportCpuMs    = [math]::Round((Get-Median $times[$name].Cpu), 1)
        OverTrivialCpuMs = [math]::Round((Get-Median $cpuOver), 1)
        ThreadCpuMs    = [math]::Round((Get-Median $times[$name].ThreadCpu), 1)
        OverTrivialThreadCpuMs = [math]::Round((Get-Median $threadOver), 1)
        ThreadQ1Q3     = '{0:0.0}..{1:0.0}' -f (Get-Quantile $threadOver 0.25), (Get-Quantile $threadOver 0.75)
        # Spread of the paired wall differences: the middle half of the rounds lies between these.
        OverTrivialQ1Q3 = '{0:0.0}..{1:0.0}' -f (Get-Quantile $wallOver 0.25), (Get-Quantile $wallOver 0.75)
        AllocKB        = [math]::Round((Get-Median $times[$name].AllocKB))
        Assemblies     = Get-Median $times[$name].Assemblies
        Rounds         = $Rounds
        LoadAverage    = $load
    }
}
Remove-Item -Recurse -Force $work

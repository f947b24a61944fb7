#Requires -Version 7.2
<#
.SYNOPSIS
    First Import-Module of the built module in fresh pwsh processes, against a trivial binary module.
.DESCRIPTION
    Each round starts fresh processes of this same pwsh, one importing a trivial binary module (one cmdlet, a manifest,
    built here with Add-Type) and one importing OperationsModule, in alternating order so that background load falls on
    both alike. Each process times its own Import-Module (in-process: the process start-up, identical for both, stays
    out of the figure). Reported per target: the median of the per-round differences over the trivial module, with
    quartiles, for the wall time and for the importing thread's CPU time, and what the import JIT-compiled.

    Three modes. Cold: the measured import is the process's first, as in a scheduled 'pwsh -c Import-Module ...'. Warm:
    each process first imports another trivial module, unmeasured, so the ~100 ms that any first binary import spends
    compiling PowerShell's module loader (the pinned pwsh is not ReadyToRun-compiled) is out of the window in both arms;
    what remains is the module's own work, with a much smaller spread. Session: each process first imports PSReadLine,
    as every interactive pwsh does at start (a module with a format file and script), so what an interactive session
    or a profile has compiled already is out of the window too.

    A round starts only when other processes leave the machine quiet (-QuietBelow, waiting up to -QuietWaitSec), and
    the share of the machine they took during each round is reported: on a busy machine a niced measurement mostly
    measures waiting for a core. -Variant adds copies of the built module with a part removed, to see what it costs.
.EXAMPLE
    dotnet pwsh bench/ImportTime/Measure-ImportTime.ps1 -ModulePath out/OperationsModule -Rounds 41
#>
[CmdletBinding()]
param(
    # The folder holding OperationsModule.psd1 (from build.ps1, or a test build's module folder).
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/OperationsModule'),
    [ValidateRange(3, 1000)] [int] $Rounds = 31,
    # Lists may come as one comma-separated word: 'pwsh script.ps1 -Mode Cold,Warm' from another shell passes a string.
    [string[]] $Mode = @('Cold', 'Warm', 'Session'),
    # Copies of the module to time beside it: NoFormat (FormatsToProcess emptied),
    # OneView (not a copy: the trivial module with a format file of one one-column view, the floor any module with views pays),
    # SameFace (the same manifest, format file, cmdlet names and [Cmdlet] attributes over trivial cmdlets: all but our code).
    [string[]] $Variant = @(),
    # Other module manifests to time in the same rounds (an older build, for a before/after), named by their folder.
    [string[]] $Compare = @(),
    # Largest share of the whole machine (0..1) other processes may be using when a round starts.
    [ValidateRange(0.01, 1)] [double] $QuietBelow = 0.15,
    [ValidateRange(0, 3600)] [double] $QuietWaitSec = 20
)

$ErrorActionPreference = 'Stop'
$Mode = @($Mode -split ',' | Where-Object { $_ })
$Variant = @($Variant -split ',' | Where-Object { $_ })
$Compare = @($Compare -split ',' | Where-Object { $_ })
foreach ($m in $Mode) { if ($m -notin 'Cold', 'Warm', 'Session') { throw "Unknown -Mode '$m': use Cold, Warm, Session or several." } }
foreach ($v in $Variant) { if ($v -notin 'NoFormat', 'OneView', 'SameFace') { throw "Unknown -Variant '$v': use NoFormat, OneView or SameFace." } }
Import-Module (Join-Path $PSScriptRoot 'ImportTime.Statistics.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'ImportTime.Load.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'ImportTime.Targets.psm1') -Force
$manifest = Join-Path (Resolve-Path $ModulePath).Path 'OperationsModule.psd1'
if (-not (Test-Path $manifest)) { throw "No OperationsModule.psd1 in ${ModulePath}: run 'dotnet pwsh ./build.ps1' first, or pass -ModulePath." }
$work = Join-Path ([IO.Path]::GetTempPath()) "om-import-bench-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null

$launch = Get-PwshLaunch

# Wall time and the importing thread's CPU time (Linux: /proc/thread-self/schedstat, ns), which waiting for a core does
# not inflate. Bytes allocated, assemblies loaded and methods JIT-compiled by the importing thread hardly depend on load
# (JIT counts in the Warm and Session modes: a first import races PowerShell's start-up threads for shared code): they
# show a change's effect on a machine too busy to time it.
function Measure-Import([string] $Path, [string] $WarmUp) {
    $script = $(if ($WarmUp) { "Import-Module '$WarmUp'; " }) + "`$before = [AppDomain]::CurrentDomain.GetAssemblies().Count; " +
        # .NET calls only before the import: a cmdlet here (Test-Path) would warm up what Import-Module then finds ready.
        "function ThreadNs { if ([IO.File]::Exists('/proc/thread-self/schedstat')) { [double][IO.File]::ReadAllText('/proc/thread-self/schedstat').Split(' ')[0] } else { [double]::NaN } }; " +
        "`$ns = ThreadNs; `$bytes = [GC]::GetAllocatedBytesForCurrentThread(); `$jitCount = [Runtime.JitInfo]::GetCompiledMethodCount(`$true); " +
        "`$jitTime = [Runtime.JitInfo]::GetCompilationTime(`$true); `$s = [Diagnostics.Stopwatch]::StartNew(); " +
        "Import-Module '$Path'; `$wall = `$s.Elapsed.TotalMilliseconds; `$threadMs = ((ThreadNs) - `$ns) / 1e6; " +
        "`$jitMethods = [Runtime.JitInfo]::GetCompiledMethodCount(`$true) - `$jitCount; `$jitMs = ([Runtime.JitInfo]::GetCompilationTime(`$true) - `$jitTime).TotalMilliseconds; " +
        "`$kb = ([GC]::GetAllocatedBytesForCurrentThread() - `$bytes) / 1KB; `$loaded = [AppDomain]::CurrentDomain.GetAssemblies().Count - `$before; " +
        "(`$wall, `$threadMs, `$kb, `$loaded, `$jitMethods, `$jitMs | ForEach-Object { ([double]`$_).ToString([cultureinfo]::InvariantCulture) }) -join ' '"
    $exe, $rest = $launch
    $out = & $exe @rest -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "Importing $Path failed: $out" }
    $wall, $thread, $kb, $loaded, $jitMethods, $jitMs = @($out)[-1].Split(' ') | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) }
    [pscustomobject]@{ Wall = $wall; ThreadCpu = $thread; AllocKB = $kb; Assemblies = $loaded; JitMethods = $jitMethods; JitMs = $jitMs }
}

# What each mode imports, unmeasured, before the measured import.
$warmUps = @{ Cold = $null; Warm = New-TrivialModule $work 'WarmUp'; Session = 'PSReadLine' }
$targets = [ordered]@{ trivial = New-TrivialModule $work 'Trivial'; module = $manifest }
foreach ($name in $Variant) {
    $targets[$name] = switch ($name) {
        'OneView' { New-TrivialModule $work 'OneView' -OneView }
        'SameFace' { New-SameFaceModule $work $manifest }
        default { New-ModuleVariant $work $manifest $name }
    }
}
foreach ($path in $Compare) {
    $full = (Resolve-Path $path).Path
    $folder = Split-Path $full
    # Module folders are all called OperationsModule: the folder above tells the builds apart.
    $name = if ((Split-Path $folder -Leaf) -eq 'OperationsModule') { Split-Path (Split-Path $folder) -Leaf } else { Split-Path $folder -Leaf }
    $targets[$name] = $full
}
$times = @{}
foreach ($m in $Mode) { foreach ($name in $targets.Keys) { $times["$m/$name"] = [Collections.Generic.List[object]]::new() } }

function Get-LoadAverage { if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' } }
$loadBefore = Get-LoadAverage

# One unmeasured round: the first process start reads every file from disk.
foreach ($path in $targets.Values) { Measure-Import $path $warmUps['Warm'] | Out-Null }
$otherShares = [Collections.Generic.List[double]]::new()
$busyRounds = 0
for ($round = 0; $round -lt $Rounds; $round++) {
    $startShare = Wait-QuietMachine -Below $QuietBelow -TimeoutSec $QuietWaitSec
    $before = Read-CpuTicks
    $order = @(foreach ($m in $Mode) { foreach ($name in $targets.Keys) { "$m/$name" } })
    if ($round % 2) { [array]::Reverse($order) }
    foreach ($key in $order) {
        $m, $name = $key.Split('/', 2)
        $times[$key].Add((Measure-Import $targets[$name] $warmUps[$m]))
    }
    if ($before) {
        $share = Get-OtherCpuShare $before (Read-CpuTicks)
        $otherShares.Add($share)
        if ($startShare -ge $QuietBelow -or $share -ge $QuietBelow) { $busyRounds++ }
    }
}

$load = "$loadBefore -> $(Get-LoadAverage)"
$others = if ($otherShares.Count) { '{0:P0} median, {1:P0} max; {2} of {3} rounds above {4:P0}' -f (Get-Quantile $otherShares 0.5), ($otherShares | Measure-Object -Maximum).Maximum, $busyRounds, $Rounds, $QuietBelow } else { 'n/a' }
foreach ($m in $Mode) {
    $baseline = $times["$m/trivial"]
    foreach ($name in $targets.Keys) {
        $series = $times["$m/$name"]
        $wall = Get-PairedSummary $series.Wall $baseline.Wall
        $thread = Get-PairedSummary $series.ThreadCpu $baseline.ThreadCpu
        [pscustomobject]@{
            Mode                   = $m
            Module                 = $name
            ImportMs               = [math]::Round((Get-Quantile $series.Wall 0.5), 1)
            OverTrivialMs          = [math]::Round($wall.Median, 1)
            # The middle half of the rounds' paired differences lies between these.
            OverTrivialQ1Q3        = '{0:0.0}..{1:0.0}' -f $wall.Q1, $wall.Q3
            OverTrivialThreadCpuMs = [math]::Round($thread.Median, 1)
            ThreadQ1Q3             = '{0:0.0}..{1:0.0}' -f $thread.Q1, $thread.Q3
            JitMethods             = Get-Quantile $series.JitMethods 0.5
            OverTrivialJitMs       = [math]::Round((Get-PairedSummary $series.JitMs $baseline.JitMs).Median, 1)
            AllocKB                = [math]::Round((Get-Quantile $series.AllocKB 0.5))
            Assemblies             = Get-Quantile $series.Assemblies 0.5
            Rounds                 = $Rounds
            OtherProcessesCpu      = $others
            LoadAverage            = $load
        }
    }
}
Remove-Item -Recurse -Force $work

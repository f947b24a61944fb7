# How much of the machine other processes used while a round ran (Linux /proc; elsewhere nothing is known). A load
# average cannot tell a round that ran alone from one that shared both cores with a build: these counters can.

function Read-CpuTicks {
    # The machine's busy and total ticks (all cores, /proc/stat) and this process's own ticks with those of the children
    # it has waited for (/proc/self/stat utime, stime, cutime, cstime): the measured pwsh processes count as our own.
    param([string] $StatPath = '/proc/stat', [string] $SelfStatPath = '/proc/self/stat')
    if (-not (Test-Path $StatPath) -or -not (Test-Path $SelfStatPath)) { return $null }
    $machine = ConvertFrom-ProcStat (Get-Content $StatPath -TotalCount 1)
    $own = ConvertFrom-ProcSelfStat (Get-Content $SelfStatPath -Raw)
    [pscustomobject]@{ Total = $machine.Total; Idle = $machine.Idle; Own = $own }
}

function ConvertFrom-ProcStat([string] $CpuLine) {
    # cpu user nice system idle iowait irq softirq steal ...: guest time is already inside user and nice.
    $ticks = [double[]]($CpuLine.Trim() -split '\s+' | Select-Object -Skip 1 -First 8)
    [pscustomobject]@{ Total = ($ticks | Measure-Object -Sum).Sum; Idle = $ticks[3] + $ticks[4] }
}

function ConvertFrom-ProcSelfStat([string] $Text) {
    # The command name (field 2) may hold spaces and parentheses: count the fields after its closing parenthesis.
    $fields = $Text.Substring($Text.LastIndexOf(')') + 2).Trim() -split '\s+'
    # Fields 14-17 of the line are 12-15 after the name: utime, stime, cutime, cstime.
    [double]$fields[11] + [double]$fields[12] + [double]$fields[13] + [double]$fields[14]
}

function Get-OtherCpuShare {
    # The share of the whole machine (0..1) that processes other than this one and its children used between two readings.
    param([Parameter(Mandatory)] $Before, [Parameter(Mandatory)] $After)
    $total = $After.Total - $Before.Total
    if ($total -le 0) { return 0.0 }
    $busy = $total - ($After.Idle - $Before.Idle)
    [math]::Max(0.0, ($busy - ($After.Own - $Before.Own)) / $total)
}

function Wait-QuietMachine {
    # Samples the others' share over half a second until it is below the threshold or the time is up; returns the last
    # share seen, or $null where it cannot be read. Starting rounds only in a quiet moment is what keeps them comparable.
    param([double] $Below, [double] $TimeoutSec)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    do {
        $before = Read-CpuTicks
        if (-not $before) { return $null }
        Start-Sleep -Milliseconds 500
        $share = Get-OtherCpuShare $before (Read-CpuTicks)
    } while ($share -ge $Below -and [DateTime]::UtcNow -lt $deadline)
    $share
}

Export-ModuleMember -Function Read-CpuTicks, ConvertFrom-ProcStat, ConvertFrom-ProcSelfStat, Get-OtherCpuShare, Wait-QuietMachine

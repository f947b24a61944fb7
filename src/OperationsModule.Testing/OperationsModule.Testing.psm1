#Requires -Version 7.4
<#
    The test kit: drives the operations-simulator .NET tool (or a build of OperationsModule.Simulator.dll) over its
    /_sim/ control endpoints. One function a file under Public/, shared plumbing under Private/.
#>
Set-StrictMode -Version 3.0

# The simulator Start-OperationsSimulator started last: every other command uses it when -Simulator is not given.
$script:Current = $null
# Every simulator this session started, stopped when the module is removed or PowerShell exits.
$script:Started = [System.Collections.Generic.List[object]]::new()

foreach ($folder in 'Private', 'Public') {
    foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot $folder) -Filter *.ps1) { . $file.FullName }
}

$MyInvocation.MyCommand.ScriptBlock.Module.OnRemove = { foreach ($sim in @($script:Started)) { Stop-SimulatorProcess $sim } }
# A simulator also exits by itself when its stdin closes (Start-OperationsSimulator passes --exit-on-stdin-close),
# which happens when this process ends in any way.
$null = Register-EngineEvent -SourceIdentifier PowerShell.Exiting -SupportEvent -MessageData $script:Started -Action {
    foreach ($sim in @($Event.MessageData)) { try { if (-not $sim.Process.HasExited) { $sim.Process.Kill($true) } } catch { } }
}

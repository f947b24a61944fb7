function Clear-OperationsSimulatorFault {
    <#
    .SYNOPSIS
        Lifts every fault rule, leaving seeded items and the request log as they are.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; without it, the simulator started last.
    .EXAMPLE
        Clear-OperationsSimulatorFault
    #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator)
    process { $null = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'faults' -Method Delete }
}

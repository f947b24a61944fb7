function Reset-OperationsSimulator {
    <#
    .SYNOPSIS
        Puts a running simulator back to its starting state.
    .DESCRIPTION
        Forgets every seeded item and issued token, lifts every fault, restores the answer styles it started with and
        empties its request log. Call it in BeforeEach so each test starts from the same place.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; without it, the simulator started last.
    .EXAMPLE
        BeforeEach { Reset-OperationsSimulator }
    #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator)
    process { $null = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'reset' }
}

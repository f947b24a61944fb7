function Stop-OperationsSimulator {
    <#
    .SYNOPSIS
        Stops a simulator that Start-OperationsSimulator started.
    .DESCRIPTION
        Closes the simulator's standard input, which makes it exit, and kills it if it has not exited within ten
        seconds. Without -Simulator, stops the one started last. Stopping one that has already exited does nothing.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; it can be piped.
    .EXAMPLE
        AfterAll { Stop-OperationsSimulator }
    .LINK
        Start-OperationsSimulator
    #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator)
    process {
        if (-not $Simulator -and -not $script:Current) { return }
        Stop-SimulatorProcess (Resolve-Simulator $Simulator)
    }
}

function Stop-OperationsSimulator {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator)
    process {
        if (-not $Simulator -and -not $script:Current) { return }
        Stop-SimulatorProcess (Resolve-Simulator $Simulator)
    }
}

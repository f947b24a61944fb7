function Clear-OperationsSimulatorFault {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator)
    process { $null = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'faults' -Method Delete }
}

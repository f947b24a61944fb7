function Reset-OperationsSimulator {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator,
        [switch] $KeepSessions
    )
    process {
        $target = Resolve-Simulator $Simulator
        # Sessions first: a module without -SkipRevocation then revokes against a server that still knows the token.
        if (-not $KeepSessions) { Close-SimulatorSession $target }
        $null = Invoke-SimulatorControl -Simulator $target -Path 'reset'
    }
}

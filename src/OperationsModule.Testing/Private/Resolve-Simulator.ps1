function Resolve-Simulator {
    <# The simulator a command was given, else the one Start-OperationsSimulator started last. #>
    param([AllowNull()] $Simulator)
    if ($Simulator) { return $Simulator }
    if ($script:Current) { return $script:Current }
    throw [System.InvalidOperationException]::new('No simulator is running: call Start-OperationsSimulator first, or give -Simulator.')
}

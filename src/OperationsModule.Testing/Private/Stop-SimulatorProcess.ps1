function Stop-SimulatorProcess {
    <# Closes the simulator's stdin (its signal to exit: it was started with --exit-on-stdin-close), then kills it if it lingers. #>
    param([Parameter(Mandatory)] $Simulator)
    $process = $Simulator.Process
    if (-not $process.HasExited) {
        try { $process.StandardInput.Close() } catch { }
        if (-not $process.WaitForExit(10000)) { $process.Kill($true); $null = $process.WaitForExit(5000) }
    }
    $null = $script:Started.Remove($Simulator)
    if ([object]::ReferenceEquals($script:Current, $Simulator)) { $script:Current = $null }
}

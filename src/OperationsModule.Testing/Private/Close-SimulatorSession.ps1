function Close-SimulatorSession {
    <#
        Closes OperationsModule's default sessions to this simulator, without revocation calls or warnings: after a
        reset the server has forgotten their tokens, and a test must not inherit the previous test's session.
        Found by verb and noun, so a module imported with -Prefix is served too; nothing to do when it is not loaded.
    #>
    param([Parameter(Mandatory)] $Simulator)
    $module = Get-Module OperationsModule | Select-Object -First 1
    if (-not $module) { return }
    $commands = @($module.ExportedCommands.Values)
    $get = $commands | Where-Object { $_.Verb -eq 'Get' -and $_.Noun -like '*OperationsSession' } | Select-Object -First 1
    $disconnect = $commands | Where-Object { $_.Verb -eq 'Disconnect' -and $_.Noun -like '*OperationsServer' } | Select-Object -First 1
    if (-not $get -or -not $disconnect) { return }

    $authority = $Simulator.BaseUri.GetLeftPart([System.UriPartial]::Authority)
    $sessions = @(& $get | Where-Object { $_.BaseUri.GetLeftPart([System.UriPartial]::Authority) -eq $authority })
    if ($sessions.Count -eq 0) { return }
    $quiet = @{ Confirm = $false; WarningAction = 'SilentlyContinue'; WhatIf = $false }
    # An OperationsModule older than -SkipRevocation still closes them; only its warning is kept out of the test.
    if ($disconnect.Parameters.ContainsKey('SkipRevocation')) { $quiet.SkipRevocation = $true }
    $sessions | & $disconnect @quiet
    Write-Verbose "Closed $($sessions.Count) OperationsModule session(s) to $authority."
}

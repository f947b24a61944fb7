@{
    RootModule           = 'OperationsModule.Testing.psm1'
    # build.ps1 Package stamps the main module's version here, so the two packages always carry the same one.
    ModuleVersion        = '0.1.0'
    GUID                 = 'a3c1f6d2-4b7e-4e0a-9d51-6f2b8c7e1a44'
    Author               = 'OperationsModule contributors'
    CompanyName          = 'OperationsModule'
    Copyright            = '(c) OperationsModule contributors. MIT licence.'
    Description          = 'Pester helpers for runbooks that use OperationsModule: start the operations-simulator .NET tool on loopback, seed work items, inject faults and assert on the requests a runbook sent.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FunctionsToExport    = @(
        'Start-OperationsSimulator'
        'Stop-OperationsSimulator'
        'Reset-OperationsSimulator'
        'Add-OperationsSimulatorItem'
        'Get-OperationsSimulatorItemStatus'
        'Add-OperationsSimulatorFault'
        'Clear-OperationsSimulatorFault'
        'Set-OperationsSimulatorSwitch'
        'Get-OperationsSimulatorRequest'
        'New-OperationsCancellationResult'
        'New-OperationsErrorRecord'
    )
    FormatsToProcess     = @('OperationsModule.Testing.Format.ps1xml')
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OperationsModule', 'Pester', 'Testing', 'Simulator', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # build.ps1 Package replaces this with the CHANGELOG.md section of the packaged version.
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}

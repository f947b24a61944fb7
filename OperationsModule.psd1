@{
    RootModule             = 'OperationsModule.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d0f3c9e-8f5e-4c61-9b7a-3f1f6a0f2b11'
    Author                 = 'OperationsModule contributors'
    CompanyName            = 'OperationsModule'
    Copyright              = '(c) OperationsModule contributors. MIT licence.'
    Description            = 'Start and cancel long-running work on OL Connect Server, Onedata Oneprovider, VMware Cloud Foundation SDDC Manager and BigChange from PowerShell.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('OperationsModule.Format.ps1xml')
    # Plain data, no $PSEdition and no nested module: PowerShell 7 scans a manifest that is not plain data (and AMSI too,
    # on Windows) at every import. The .NET Framework release check runs from the root module's initializer, on Windows
    # PowerShell only (ModuleInitializer). Commas between the names: a list of statements is evaluated through binders.
    CmdletsToExport        = @(
        'Submit-OutputCreation',
        'Stop-OutputCreation',
        'Stop-WorkflowExecution',
        'Stop-Task',
        'Get-SddcManagerTask',
        'Get-WorkflowExecution',
        'Stop-Job',
        'Wait-OutputCreation',
        'Get-OutputCreationResult',
        'Connect-OperationsServer',
        'Disconnect-OperationsServer',
        'Get-OperationsSession',
        'Get-BigChangeJob',
        'Get-OutputCreation'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('OLConnect', 'Onedata', 'VCF', 'SDDCManager', 'BigChange', 'Cancel', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No LicenseUri or ProjectUri: the project has no public address yet, and a placeholder would mislead.
            # The licence (MIT) travels as the LICENSE file in the package. build.ps1 Package replaces ReleaseNotes
            # with the CHANGELOG.md section of the packaged version.
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}

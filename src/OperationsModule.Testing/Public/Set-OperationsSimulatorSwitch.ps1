function Set-OperationsSimulatorSwitch {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    param(
        [ValidateSet('Nested', 'Flat')] [string] $OnedataErrorShape,
        [ValidateSet(200, 201)] [int] $VcfTokenStatus,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator
    )
    $body = @{}
    if ($OnedataErrorShape) { $body.onedataErrorShape = $OnedataErrorShape.ToLowerInvariant() }
    if ($VcfTokenStatus) { $body.vcfTokenStatus = $VcfTokenStatus }
    Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path 'switches' -Body $body
}

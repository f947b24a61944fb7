function Set-OperationsSimulatorSwitch {
    <#
    .SYNOPSIS
        Switches the answer styles that differ between vendor releases while the simulator runs.
    .DESCRIPTION
        -OnedataErrorShape: Onedata error bodies nested, as servers send them, or flat, as the published spec documents.
        -VcfTokenStatus: a successful VCF token request answered 201 (the spec) or 200 (the vendor's example).
        Only the switches given change; the object returned shows them all. Reset-OperationsSimulator restores the
        values the simulator started with.
    .PARAMETER OnedataErrorShape
        Nested or Flat.
    .PARAMETER VcfTokenStatus
        200 or 201.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; without it, the simulator started last.
    .EXAMPLE
        Set-OperationsSimulatorSwitch -VcfTokenStatus 200
    #>
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

function Get-OperationsSimulatorItemStatus {
    <#
    .SYNOPSIS
        Gets the simulator's own view of a seeded item's status, to assert on what a runbook changed.
    .DESCRIPTION
        Returns the status string: for OL Connect operations 'cancelled', 'done' or the progress ('50%'); for Onedata,
        VCF and BigChange the system's status (e.g. 'CANCELLED' for a cancelled VCF task). Returns nothing for an
        unknown ID.
    .PARAMETER System
        OLConnect, Onedata, Vcf or BigChange.
    .PARAMETER Id
        The item's ID.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; without it, the simulator started last.
    .EXAMPLE
        Get-OperationsSimulatorItemStatus -System Vcf -Id 't-1' | Should -Be 'CANCELLED'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [Parameter(Mandatory)] [ValidateNotNullOrEmpty()] [string] $Id,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator
    )
    try {
        (Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path "status/$($System.ToLowerInvariant())/$([uri]::EscapeDataString($Id))" -Method Get).status
    }
    catch [Microsoft.PowerShell.Commands.HttpResponseException] {
        if ($_.Exception.Response.StatusCode -ne 404) { throw }
    }
}

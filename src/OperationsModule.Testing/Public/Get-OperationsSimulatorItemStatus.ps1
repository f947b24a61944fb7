function Get-OperationsSimulatorItemStatus {
    # .ExternalHelp OperationsModule.Testing-help.xml
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

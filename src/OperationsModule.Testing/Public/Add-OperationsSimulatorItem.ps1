function Add-OperationsSimulatorItem {
    <#
    .SYNOPSIS
        Seeds work items in the simulator: OL Connect operations, Onedata workflow executions, VCF tasks or BigChange jobs.
    .DESCRIPTION
        Each ID becomes one item in the given status, which the module's cmdlets can then query or cancel. Defaults
        are the statuses a cancel accepts: OL Connect operations at -Progress 0, Onedata 'active', VCF 'IN_PROGRESS',
        BigChange 'scheduled' for customer 4242. Seeding an existing ID replaces it.
    .PARAMETER System
        OLConnect, Onedata, Vcf or BigChange.
    .PARAMETER Id
        The item IDs; BigChange job IDs are numbers.
    .PARAMETER Status
        The item's status (Onedata, VCF and BigChange), e.g. 'SUCCESSFUL' for a VCF task that can no longer be cancelled.
    .PARAMETER Progress
        OL Connect only: how far the operation has got, 0 to 100.
    .PARAMETER CustomerId
        BigChange only: the customer the jobs belong to.
    .PARAMETER Simulator
        The object Start-OperationsSimulator returned; without it, the simulator started last.
    .EXAMPLE
        Add-OperationsSimulatorItem -System Vcf -Id 't-1', 't-2'
        Add-OperationsSimulatorItem -System Vcf -Id 't-3' -Status SUCCESSFUL
    .EXAMPLE
        Add-OperationsSimulatorItem -System BigChange -Id 1001, 1002 -CustomerId 4242
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [Parameter(Mandatory)] [ValidateNotNullOrEmpty()] [string[]] $Id,
        [ValidateNotNullOrEmpty()] [string] $Status,
        [ValidateRange(0, 100)] [int] $Progress = 0,
        [long] $CustomerId = 4242,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator
    )
    $body = switch ($System) {
        'OLConnect' { @{ operations = @($Id | ForEach-Object { @{ id = $_; progress = $Progress } }) } }
        'Onedata' { @{ executions = @($Id | ForEach-Object { @{ id = $_; status = if ($Status) { $Status } else { 'active' } } }) } }
        'Vcf' { @{ tasks = @($Id | ForEach-Object { @{ id = $_; status = if ($Status) { $Status } else { 'IN_PROGRESS' } } }) } }
        'BigChange' {
            $jobs = foreach ($jobId in $Id) {
                $number = 0L
                if (-not [long]::TryParse($jobId, [ref]$number) -or $number -le 0) {
                    throw [System.ArgumentException]::new("BigChange job IDs are positive numbers; '$jobId' is not.", 'Id')
                }
                @{ id = $number; status = if ($Status) { $Status } else { 'scheduled' }; customerId = $CustomerId }
            }
            @{ jobs = @($jobs) }
        }
    }
    $null = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path "seed/$($System.ToLowerInvariant())" -Body $body
}

function Add-OperationsSimulatorItem {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [Parameter(Mandatory)] [ValidateNotNullOrEmpty()] [string[]] $Id,
        [ValidateNotNullOrEmpty()] [string] $Status,
        [ValidateRange(0, 100)] [int] $Progress = 0,
        [long] $CustomerId = 4242,
        [PSTypeName('OperationsModule.Testing.Simulator')] $Simulator,
        [DateTimeOffset] $StartAt
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
                $job = @{ id = $number; status = if ($Status) { $Status } else { 'scheduled' }; customerId = $CustomerId }
                if ($PSBoundParameters.ContainsKey('StartAt')) { $job.startAt = $StartAt.ToUniversalTime().ToString('o') }
                $job
            }
            @{ jobs = @($jobs) }
        }
    }
    # BigChange jobs go to the endpoint that also takes their start time (the list call filters on it).
    $path = if ($System -eq 'BigChange') { 'seed/bigchange/jobs' } else { "seed/$($System.ToLowerInvariant())" }
    $null = Invoke-SimulatorControl -Simulator (Resolve-Simulator $Simulator) -Path $path -Body $body
}

#Requires -Version 5.1
#Requires -Modules OperationsModule
<#
.SYNOPSIS
    Cancels the VCF SDDC Manager tasks listed in a CSV file and writes a report of what was cancelled and what failed.
.DESCRIPTION
    The CSV needs a TaskId column. Each task is cancelled on its own, so one failure (a task that already finished, an
    unknown ID, a server error) is reported and the rest still run. The report, a CSV with TaskId, Outcome
    (Cancelled or Failed), Reason (the error ID, e.g. Conflict or NotFound) and Detail, is written to -ReportPath
    and its rows are also the runbook's output.
.EXAMPLE
    ./Stop-VcfTasksFromCsv.ps1 -CsvPath tasks.csv -ReportPath report.csv -BaseUri https://sddc.example -Credential (Get-Secret VcfAdmin)
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [string] $ReportPath,
    [Parameter(Mandatory)] [uri] $BaseUri,
    [Parameter(Mandatory)] [pscredential] $Credential,
    # Extra Connect-OperationsServer parameters, e.g. @{ SkipCertificateCheck = $true } for a lab server.
    [hashtable] $ConnectParameters = @{}
)

$ErrorActionPreference = 'Stop'
$tasks = @(Import-Csv -Path $CsvPath)
if ($tasks.Count -gt 0 -and -not ($tasks[0].PSObject.Properties.Name -contains 'TaskId')) {
    throw "'$CsvPath' has no TaskId column."
}

Connect-OperationsServer -System Vcf -BaseUri $BaseUri -Credential $Credential @ConnectParameters
try {
    $report = foreach ($task in $tasks) {
        try {
            $result = Stop-Task -TaskId $task.TaskId -ErrorAction Stop
            [pscustomobject]@{ TaskId = $task.TaskId; Outcome = 'Cancelled'; Reason = ''; Detail = "$($result.Status) ($($result.StatusCode))" }
        }
        catch {
            # The error ID (NotFound, Conflict, ServerError...) is the first part of FullyQualifiedErrorId.
            [pscustomobject]@{ TaskId = $task.TaskId; Outcome = 'Failed'; Reason = ($_.FullyQualifiedErrorId -split ',')[0]; Detail = $_.Exception.Message }
        }
    }
    $report | Export-Csv -Path $ReportPath -NoTypeInformation
    $report
}
finally {
    Disconnect-OperationsServer -System Vcf -Confirm:$false
}

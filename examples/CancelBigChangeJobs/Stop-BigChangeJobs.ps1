#Requires -Version 5.1
#Requires -Modules OperationsModule
<#
.SYNOPSIS
    Cancels BigChange jobs with a reason, all in one pipeline, and returns what was cancelled and what was not.
.DESCRIPTION
    Sends every cancel through one session (one token), several at a time. A job that cannot be cancelled (already
    started, unknown) does not stop the others: it is listed under Failed with its error ID, and a warning names it.
.EXAMPLE
    ./Stop-BigChangeJobs.ps1 -JobId 1001, 1002 -Reason 'Customer cancelled' -BaseUri https://api.bigchange.com -Credential (Get-Secret BigChangeClient) -CustomerId 4242
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [long[]] $JobId,
    [Parameter(Mandatory)] [string] $Reason,
    [Parameter(Mandatory)] [uri] $BaseUri,
    [Parameter(Mandatory)] [pscredential] $Credential,
    [Parameter(Mandatory)] [long] $CustomerId,
    # Extra Connect-OperationsServer parameters, e.g. @{ TimeoutSec = 30 }.
    [hashtable] $ConnectParameters = @{}
)

$ErrorActionPreference = 'Stop'
$session = Connect-OperationsServer -System BigChange -BaseUri $BaseUri -Credential $Credential -CustomerId $CustomerId -PassThru @ConnectParameters
try {
    # Errors are collected, not thrown: each failed job is one error record whose TargetObject is its ID.
    $cancelled = @(Stop-Job -JobId $JobId -Reason $Reason -Session $session -ErrorAction SilentlyContinue -ErrorVariable failures)
    $failed = foreach ($failure in $failures) {
        Write-Warning "Job $($failure.TargetObject) was not cancelled: $($failure.Exception.Message)"
        [pscustomobject]@{ JobId = $failure.TargetObject; Reason = ($failure.FullyQualifiedErrorId -split ',')[0] }
    }
    [pscustomobject]@{ Cancelled = @($cancelled | ForEach-Object Id | Sort-Object); Failed = @($failed) }
}
finally {
    Disconnect-OperationsServer -Session $session -Confirm:$false
}

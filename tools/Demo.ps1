#Requires -Version 5.1
<#
.SYNOPSIS
    A short scripted tour of OperationsModule against the bundled simulator (build.ps1 Demo runs it).
.DESCRIPTION
    Starts the simulator with its demo data set, imports the module, then: connects (or passes -BaseUri per
    call when Connect-OperationsServer is not in this build), submits output creation and waits for it with a
    progress bar, downloads the result, cancels a batch of operations with an error in the middle, and shows
    how to inspect that error record. The simulator is stopped in a finally block whatever happens.
.EXAMPLE
    ./tools/Demo.ps1 -ModulePath out/OperationsModule -SimulatorPath src/OperationsModule.Simulator/bin/Release/net10.0/OperationsModule.Simulator.dll
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Write-Step([string] $Text) { Write-Host ''; Write-Host "== $Text" -ForegroundColor Cyan }
function Write-Command([string] $Text) { Write-Host "PS> $Text" -ForegroundColor Yellow }

$simulator = $null
$connected = $false
try {
    Write-Step 'Starting the simulator (--demo: OL Connect operation 4001 is running at 50%)'
    $start = New-Object System.Diagnostics.ProcessStartInfo
    $start.FileName = 'dotnet'
    # --exit-on-stdin-close: the demo's end (or its crash) closes the simulator's stdin, which then exits too.
    $start.Arguments = '"{0}" --urls http://127.0.0.1:0 --seed 1 --demo --exit-on-stdin-close' -f (Resolve-Path $SimulatorPath).Path
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $simulator = [System.Diagnostics.Process]::Start($start)
    $announce = $simulator.StandardOutput.ReadLineAsync()
    if (-not $announce.Wait([TimeSpan]::FromSeconds(60)) -or -not $announce.Result) { throw 'The simulator did not start within 60 seconds.' }
    $baseUri = ($announce.Result | ConvertFrom-Json).baseUri
    Write-Host "Simulator listening on $baseUri (OL Connect user ol-admin)"

    Import-Module (Join-Path (Resolve-Path $ModulePath).Path 'OperationsModule.psd1') -Force
    $credential = New-Object System.Management.Automation.PSCredential ('ol-admin', (ConvertTo-SecureString 'ol-secret-pass' -AsPlainText -Force))

    if (Get-Command Connect-OperationsServer -Module OperationsModule -ErrorAction SilentlyContinue) {
        Write-Step 'Connecting: one login, the token is reused by every command'
        Write-Command "Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential `$credential -AllowUnencryptedAuthentication"
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $credential -AllowUnencryptedAuthentication | Out-Null
        $connected = $true
        if (Get-Command Get-OperationsSession -Module OperationsModule -ErrorAction SilentlyContinue) { Get-OperationsSession | Format-Table | Out-Host }
    }
    else {
        Write-Step 'Connect-OperationsServer is not in this build: -BaseUri and -Credential per call, through $PSDefaultParameterValues'
        Write-Command "`$PSDefaultParameterValues['*-OutputCreation*:BaseUri'] = '$baseUri'  # and Credential, AllowUnencryptedAuthentication"
        $PSDefaultParameterValues['*-OutputCreation*:BaseUri'] = $baseUri
        $PSDefaultParameterValues['*-OutputCreation*:Credential'] = $credential
        $PSDefaultParameterValues['*-OutputCreation*:AllowUnencryptedAuthentication'] = $true
    }

    Write-Step 'Submitting output creation for jobs 1..3 and waiting for it (watch the progress bar)'
    Write-Command "1..3 | Submit-OutputCreation -ConfigId 'Invoices-Preset' -Wait -PollIntervalSec 1"
    $done = 1..3 | Submit-OutputCreation -ConfigId 'Invoices-Preset' -Wait -PollIntervalSec 1
    $done | Format-List OperationId, ConfigId, JobIds, State, PercentComplete, Result, CompletedAt | Out-Host

    Write-Step 'Downloading the result file'
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('operationsmodule-demo-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $folder | Out-Null
    Write-Command "`$done | Get-OutputCreationResult -OutFile $folder"
    $done | Get-OutputCreationResult -OutFile $folder | Format-Table | Out-Host

    Write-Step 'Cancelling a batch with an unknown ID in the middle: one result or one error per ID'
    $second = Submit-OutputCreation -ConfigId 1001 -JobId 42
    $ids = @('4001', 'no-such-operation', $second.OperationId)
    Write-Command "'$($ids -join "', '")' | Stop-OutputCreation -Confirm:`$false -ErrorVariable err -ErrorAction SilentlyContinue"
    $ids | Stop-OutputCreation -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue | Format-Table | Out-Host

    Write-Step 'Inspecting the error record'
    $record = $err[0]
    [ordered]@{
        'FullyQualifiedErrorId'        = $record.FullyQualifiedErrorId
        'CategoryInfo.Category'        = $record.CategoryInfo.Category
        'TargetObject'                 = $record.TargetObject
        'ErrorDetails.Message'         = $record.ErrorDetails.Message
        'ErrorDetails.RecommendedAction' = $record.ErrorDetails.RecommendedAction
        'Exception.StatusCode'         = $record.Exception.StatusCode
        'Exception.Method'             = $record.Exception.Method
        'Exception.RequestUri'         = $record.Exception.RequestUri
        'Exception.RawBody'            = $record.Exception.RawBody
    } | Format-Table -AutoSize -Wrap | Out-Host

    Write-Step 'Waiting for an operation that does not exist, inside try/catch'
    Write-Command "try { Wait-OutputCreation -OperationId 'no-such-operation' -ErrorAction Stop } catch { ... }"
    try {
        Wait-OutputCreation -OperationId 'no-such-operation' -ErrorAction Stop | Out-Null
    }
    catch {
        Write-Host ("Caught {0}: {1}" -f $_.FullyQualifiedErrorId, $_.ErrorDetails.Message)
    }

    Remove-Item $folder -Recurse -Force
    Write-Step 'Done'
}
finally {
    if ($connected -and (Get-Command Disconnect-OperationsServer -Module OperationsModule -ErrorAction SilentlyContinue)) {
        Disconnect-OperationsServer -System OLConnect -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
    }
    foreach ($key in @($PSDefaultParameterValues.Keys | Where-Object { $_ -like '*-OutputCreation*:*' })) { $PSDefaultParameterValues.Remove($key) }
    if ($simulator) {
        if (-not $simulator.HasExited) {
            # Closing stdin is the simulator's signal to stop; kill only if it lingers.
            try { $simulator.StandardInput.Close() } catch { }
            if (-not $simulator.WaitForExit(10000)) { $simulator.Kill() }
        }
        $simulator.Dispose()
        Write-Host 'Simulator stopped.'
    }
}

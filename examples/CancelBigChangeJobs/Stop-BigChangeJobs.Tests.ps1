#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Stop-BigChangeJobs.ps1, tested both ways: with the module's cmdlets mocked, and against the simulator with a rate
    limit fault and assertions on the cancel requests it sent. Needs OperationsModule, OperationsModule.Testing and the
    operations-simulator tool (see the README's "Testing your runbooks").
#>

BeforeAll {
    Import-Module OperationsModule, OperationsModule.Testing
    $script:Runbook = Join-Path $PSScriptRoot 'Stop-BigChangeJobs.ps1'
}

Describe 'Stop-BigChangeJobs (cmdlets mocked)' {
    BeforeAll {
        $script:Arguments = @{
            BaseUri = 'https://api.bigchange.example'; CustomerId = 4242; Reason = 'Customer cancelled'
            Credential = [pscredential]::new('client', (ConvertTo-SecureString 'unused' -AsPlainText -Force))
        }
    }
    BeforeEach {
        # -RemoveParameterType: the real cmdlets take an OperationsSession, which a test does not need to build.
        Mock Connect-OperationsServer { [pscustomobject]@{ System = 'BigChange' } }
        Mock Disconnect-OperationsServer { } -RemoveParameterType Session
        Mock Stop-Job -RemoveParameterType Session {
            foreach ($id in $JobId) {
                if ($id -eq 13) {
                    # The record the module writes for a job that has started (the kit's mock helper: error ID, category, target, status).
                    Write-Error -ErrorRecord (New-OperationsErrorRecord -Reason ValidationFailed -TargetObject $id -System BigChange -Message 'Job 13 has status started.')
                }
                else {
                    # The module's own result type, as the kit's mock helper makes it.
                    New-OperationsCancellationResult -System BigChange -Id $id -Reason $Reason
                }
            }
        }
    }

    It 'cancels all jobs in one call with the reason, through the session it opened' {
        $summary = & $Runbook -JobId 11, 12 @Arguments

        $summary.Cancelled | Should -Be '11', '12'
        $summary.Failed | Should -BeNullOrEmpty
        Should -Invoke Stop-Job -Times 1 -Exactly -ParameterFilter { $Reason -eq 'Customer cancelled' -and $JobId.Count -eq 2 -and $Session.System -eq 'BigChange' }
        Should -Invoke Disconnect-OperationsServer -Times 1 -Exactly
    }

    It 'lists a job the server refuses under Failed, with a warning, and keeps the others' {
        $summary = & $Runbook -JobId 11, 13 @Arguments -WarningVariable warnings 3>$null

        $summary.Cancelled | Should -Be '11'
        $summary.Failed.JobId | Should -Be 13
        $summary.Failed.Reason | Should -Be 'ValidationFailed'
        $warnings | Should -HaveCount 1
    }
}

Describe 'Stop-BigChangeJobs (against the simulator)' {
    BeforeAll {
        $script:Sim = Start-OperationsSimulator
        $script:Arguments = @{
            BaseUri = $Sim.BaseUri; Credential = $Sim.BigChangeCredential; CustomerId = $Sim.BigChangeCustomerId
            Reason = 'Customer cancelled'; ConnectParameters = $Sim.ConnectParameters
        }
    }
    AfterAll { Stop-OperationsSimulator $Sim }
    BeforeEach { Reset-OperationsSimulator }

    It 'sends the reason with every cancel and leaves the jobs cancelled' {
        Add-OperationsSimulatorItem -System BigChange -Id 11, 12

        $summary = & $Runbook -JobId 11, 12 @Arguments

        $summary.Cancelled | Should -Be '11', '12'
        $cancels = Get-OperationsSimulatorRequest -System BigChange -Method PUT
        ($cancels.Path | Sort-Object) | Should -Be '/v1/jobs/11/cancel', '/v1/jobs/12/cancel'
        $cancels.Json | Should -Be 'Customer cancelled', 'Customer cancelled'
        Get-OperationsSimulatorItemStatus -System BigChange -Id 11 | Should -Be 'cancelled'
    }

    It 'waits out a 429 with Retry-After and still cancels, and reports a started job as Failed' {
        Add-OperationsSimulatorItem -System BigChange -Id 11
        Add-OperationsSimulatorItem -System BigChange -Id 13 -Status started
        Add-OperationsSimulatorFault -Method PUT -PathPattern '^/v1/jobs/11/cancel$' -StatusCode 429 -RetryAfter 1 -Times 1

        $summary = & $Runbook -JobId 11, 13 @Arguments 3>$null

        $summary.Cancelled | Should -Be '11'
        $summary.Failed.Reason | Should -Be 'ValidationFailed'
        @(Get-OperationsSimulatorRequest -Method PUT -Path '/v1/jobs/11/cancel').Count | Should -Be 2
        Get-OperationsSimulatorItemStatus -System BigChange -Id 13 | Should -Be 'started'
    }
}

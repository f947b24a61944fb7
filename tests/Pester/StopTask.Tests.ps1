#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

Describe 'Stop-Task against the simulated SDDC Manager' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Issue3Simulator.ps1')
        Import-Module (Get-Issue3ModulePath) -Force
        $sim = Start-Issue3Simulator
        $cred = New-Object System.Management.Automation.PSCredential ('administrator@vsphere.local', (ConvertTo-Issue3Secret 'vcf-secret-pass'))
        $common = @{ BaseUri = $sim.BaseUri; Credential = $cred; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    AfterAll {
        Stop-Issue3Simulator $sim
    }
    BeforeEach {
        Invoke-Issue3Sim $sim POST '/_sim/reset' | Out-Null
    }

    It 'logs in with the credential, cancels and returns a CancellationResult with status 200' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/vcf' @{ ids = @('t-1') } | Out-Null

        $result = Stop-Task -TaskId 't-1' @common

        $result.System | Should -Be 'Vcf'
        $result.Kind | Should -Be 'Task'
        $result.StatusCode | Should -Be 200
        Get-Issue3SimStatus $sim vcf 't-1' | Should -Be 'CANCELLED'
    }

    It 'logs in once for many piped tasks' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/vcf' @{ ids = @('t-1', 't-2', 't-3') } | Out-Null

        $results = 't-1', 't-2', 't-3' | Stop-Task @common

        $results.Count | Should -Be 3
        $logins = @(Invoke-Issue3Sim $sim GET '/_sim/requests' | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/tokens' })
        $logins.Count | Should -Be 1
    }

    It 'binds task objects by their id property' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/vcf' @{ ids = @('t-9') } | Out-Null

        $result = [pscustomobject]@{ id = 't-9'; status = 'IN_PROGRESS' } | Stop-Task @common

        $result.Id | Should -Be 't-9'
    }

    It 'reports a task that is no longer in progress as Conflict (409) with the remediation as RecommendedAction' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/vcf' @{ tasks = @(@{ id = 't-1'; status = 'SUCCESSFUL' }) } | Out-Null

        Stop-Task -TaskId 't-1' @common -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Conflict,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $errs[0].ErrorDetails.RecommendedAction | Should -Be 'Check the task status before cancelling.'
        $errs[0].Exception.VendorError.Code | Should -Be 'TASK_CANNOT_BE_CANCELLED'
        $errs[0].Exception.CorrelationId | Should -Not -BeNullOrEmpty
    }

    It 'throws a catchable NotFound with -ErrorAction Stop' {
        $caught = $null
        try { Stop-Task -TaskId 'missing' @common -ErrorAction Stop }
        catch [OperationsModule.Core.Errors.OperationsApiException] { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
        $caught.Exception.StatusCode | Should -Be 404
    }

    It 'reports a wrong password as Unauthorized without the password anywhere in the error' {
        $wrong = New-Object System.Management.Automation.PSCredential ('administrator@vsphere.local', (ConvertTo-Issue3Secret 'not-the-password'))
        $bad = $common.Clone(); $bad.Credential = $wrong

        Stop-Task -TaskId 't-1' @bad -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Unauthorized,*'
        ($errs[0] | Out-String) + $errs[0].Exception.ToString() | Should -Not -Match 'not-the-password'
    }

    It 'can be called module-qualified, which keeps working when PowerCLI is loaded too' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/vcf' @{ ids = @('t-5') } | Out-Null

        $result = OperationsModule\Stop-Task -TaskId 't-5' @common

        $result.Id | Should -Be 't-5'
        (Get-Command Stop-Task -Module OperationsModule).ModuleName | Should -Be 'OperationsModule'
    }
}

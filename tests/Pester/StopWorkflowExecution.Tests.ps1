#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

Describe 'Stop-WorkflowExecution against the simulated Oneprovider' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Issue3Simulator.ps1')
        Import-Module (Get-Issue3ModulePath) -Force
        $sim = Start-Issue3Simulator
        $token = ConvertTo-Issue3Secret 'onedata-good-token'
        $common = @{ BaseUri = $sim.BaseUri; Token = $token; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    AfterAll {
        Stop-Issue3Simulator $sim
    }
    BeforeEach {
        Invoke-Issue3Sim $sim POST '/_sim/reset' | Out-Null
    }

    It 'cancels an execution and returns a CancellationResult' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/onedata' @{ ids = @('wid-1') } | Out-Null

        $result = Stop-WorkflowExecution -ExecutionId 'wid-1' @common

        $result | Should -BeOfType ([OperationsModule.Core.Models.CancellationResult])
        $result.System | Should -Be 'Onedata'
        $result.Kind | Should -Be 'WorkflowExecution'
        $result.StatusCode | Should -Be 204
        Get-Issue3SimStatus $sim onedata 'wid-1' | Should -Be 'cancelled'
    }

    It 'takes IDs from the pipeline by value and by property name (wid, atmWorkflowExecutionId)' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/onedata' @{ ids = @('a', 'b', 'c') } | Out-Null

        $results = @('a', [pscustomobject]@{ wid = 'b' }, [pscustomobject]@{ atmWorkflowExecutionId = 'c' }) | Stop-WorkflowExecution @common

        $results.Count | Should -Be 3
        ($results.Id | Sort-Object) -join ',' | Should -Be 'a,b,c'
    }

    It 'reports a rejected token (400 badToken) as Unauthorized / AuthenticationError' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/onedata' @{ ids = @('wid-1') } | Out-Null
        $bad = $common.Clone(); $bad.Token = ConvertTo-Issue3Secret 'revoked'

        $output = Stop-WorkflowExecution -ExecutionId 'wid-1' @bad -ErrorVariable errs -ErrorAction SilentlyContinue

        $output | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Unauthorized,*'
        $errs[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $errs[0].Exception.VendorError.Code | Should -Be 'badToken'
        $errs[0].ErrorDetails.Message | Should -Be 'Provided token could not be understood by the server.'
        $errs[0].TargetObject | Should -Be 'wid-1'
    }

    It 'throws a catchable Conflict for an execution that already ended with -ErrorAction Stop' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/onedata' @{ executions = @(@{ id = 'done-1'; status = 'finished' }) } | Out-Null

        $caught = $null
        try { Stop-WorkflowExecution -ExecutionId 'done-1' @common -ErrorAction Stop }
        catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'Conflict,*'
        $caught.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $caught.Exception.StatusCode | Should -Be 400
    }

    It 'reports an unknown execution as NotFound and goes on with the next item' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/onedata' @{ ids = @('ok-1') } | Out-Null

        $results = 'missing', 'ok-1' | Stop-WorkflowExecution @common -ErrorVariable errs -ErrorAction SilentlyContinue

        @($results).Count | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
    }

    It 'sends nothing with -WhatIf' {
        Invoke-Issue3Sim $sim POST '/_sim/seed/onedata' @{ ids = @('wid-1') } | Out-Null

        Stop-WorkflowExecution -ExecutionId 'wid-1' @common -WhatIf

        Get-Issue3SimStatus $sim onedata 'wid-1' | Should -Be 'active'
    }

    It 'refuses -Credential, naming the parameter' {
        $cred = New-Object System.Management.Automation.PSCredential ('user', (ConvertTo-Issue3Secret 'pw'))

        { Stop-WorkflowExecution -ExecutionId 'wid-1' -BaseUri $sim.BaseUri -Credential $cred -AllowUnencryptedAuthentication -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidParameter,OperationsModule.Cmdlets.StopWorkflowExecutionCommand'
    }
}

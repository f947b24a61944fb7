#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# Stop-WorkflowExecution against the simulated Oneprovider (simulator started as a process). #>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    $script:Sim = Start-TestSimulator
    Disconnect-TestSession   # these tests choose their connection explicitly
}

AfterAll {
    Disconnect-TestSession
    Stop-TestSimulator $script:Sim
}

Describe 'Stop-WorkflowExecution against the simulated Oneprovider' {
    BeforeAll {
        $token = ConvertTo-TestSecret 'onedata-good-token'
        $common = @{ BaseUri = $Sim.BaseUri; Token = $token; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    BeforeEach {
        Reset-TestSimulator $Sim
    }

    It 'cancels an execution and returns a CancellationResult' {
        Add-SimulatorSeed $Sim onedata @{ ids = @('wid-1') }

        $result = Stop-WorkflowExecution -ExecutionId 'wid-1' @common

        $result | Should -BeOfType ([OperationsModule.Core.Models.CancellationResult])
        $result.System | Should -Be 'Onedata'
        $result.Kind | Should -Be 'WorkflowExecution'
        $result.StatusCode | Should -Be 204
        Get-SimulatorStatus $Sim onedata 'wid-1' | Should -Be 'cancelled'
    }

    It 'takes IDs from the pipeline by value and by property name (wid, atmWorkflowExecutionId)' {
        Add-SimulatorSeed $Sim onedata @{ ids = @('a', 'b', 'c') }

        $results = @('a', [pscustomobject]@{ wid = 'b' }, [pscustomobject]@{ atmWorkflowExecutionId = 'c' }) | Stop-WorkflowExecution @common

        $results.Count | Should -Be 3
        ($results.Id | Sort-Object) -join ',' | Should -Be 'a,b,c'
    }

    It 'reports a rejected token (400 badToken) as Unauthorized / AuthenticationError' {
        Add-SimulatorSeed $Sim onedata @{ ids = @('wid-1') }
        $bad = $common.Clone(); $bad.Token = ConvertTo-TestSecret 'revoked'

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
        Add-SimulatorSeed $Sim onedata @{ executions = @(@{ id = 'done-1'; status = 'finished' }) }

        $caught = $null
        try { Stop-WorkflowExecution -ExecutionId 'done-1' @common -ErrorAction Stop }
        catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'Conflict,*'
        $caught.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $caught.Exception.StatusCode | Should -Be 400
    }

    It 'reports an unknown execution as NotFound and goes on with the next item' {
        Add-SimulatorSeed $Sim onedata @{ ids = @('ok-1') }

        $results = 'missing', 'ok-1' | Stop-WorkflowExecution @common -ErrorVariable errs -ErrorAction SilentlyContinue

        @($results).Count | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
    }

    It 'sends nothing with -WhatIf' {
        Add-SimulatorSeed $Sim onedata @{ ids = @('wid-1') }

        Stop-WorkflowExecution -ExecutionId 'wid-1' @common -WhatIf

        Get-SimulatorStatus $Sim onedata 'wid-1' | Should -Be 'active'
    }

    It 'refuses -Credential, naming the parameter' {
        $cred = New-Object System.Management.Automation.PSCredential ('user', (ConvertTo-TestSecret 'pw'))

        { Stop-WorkflowExecution -ExecutionId 'wid-1' -BaseUri $Sim.BaseUri -Credential $cred -AllowUnencryptedAuthentication -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidParameter,OperationsModule.Cmdlets.StopWorkflowExecutionCommand'
    }
}

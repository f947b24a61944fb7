#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# Get-SddcManagerTask and Get-WorkflowExecution as users meet them: pipes into the Stop- commands, -Wait, bad input, help. #>

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

Describe 'Find, cancel, confirm' {
    BeforeAll {
        $vcf = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Vcf); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
        $od = @{ BaseUri = $Sim.BaseUri; Token = (ConvertTo-TestSecret 'onedata-good-token'); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    BeforeEach {
        Reset-TestSimulator $Sim
    }

    It 'finds every running task across pages, in either spelling, and cancels each once' {
        Invoke-SimulatorControl $Sim 'listing/vcf' -Body @{ prefix = 'pt-'; count = 120 } | Out-Null
        Invoke-SimulatorControl $Sim 'listing/vcf' -Body @{ tasks = @(@{ id = 'done-1'; status = 'Successful' }) } | Out-Null

        $found = @(Get-SddcManagerTask @vcf -Status 'In Progress')
        $cancelled = @($found | Stop-Task)

        $found.Count | Should -Be 120
        $found[0].PSObject.TypeNames[0] | Should -Be 'OperationsModule.Core.Models.SddcManagerTask'
        ($cancelled.Id | Sort-Object -Unique).Count | Should -Be 120
        Get-SimulatorStatus $Sim vcf 'done-1' | Should -Be 'SUCCESSFUL'
    }

    It 'Stop-Task -Wait reads the task and returns Cancelled' {
        Add-SimulatorSeed $Sim vcf @{ ids = @('t-1') }

        $result = Stop-Task @vcf -TaskId 't-1' -Wait

        $result.Status | Should -Be 'Cancelled'
        $result.ConfirmedAt | Should -Not -BeNullOrEmpty
    }

    It 'follows the Onedata list to its end and confirms each cancel' {
        Invoke-SimulatorControl $Sim 'listing' -Body @{ onedataPageLimit = 2 } | Out-Null
        Invoke-SimulatorControl $Sim 'listing/onedata' -Body @{ executions = @(@{ id = 'e-1'; spaceId = 's' }, @{ id = 'e-2'; spaceId = 's' }, @{ id = 'e-3'; spaceId = 's' }, @{ id = 'x-1'; spaceId = 'other' }) } | Out-Null

        $results = @(Get-WorkflowExecution @od -SpaceId s -Phase ongoing | Stop-WorkflowExecution -Wait)

        ($results.Id | Sort-Object) | Should -Be @('e-1', 'e-2', 'e-3')
        $results.Status | Should -Be @('Cancelled', 'Cancelled', 'Cancelled')
        Get-SimulatorStatus $Sim onedata 'x-1' | Should -Be 'active'
    }

    It 'refuses an unknown status before any request, naming the allowed values' {
        { Get-SddcManagerTask @vcf -Status Running -ErrorAction Stop } | Should -Throw '*-Status*IN_PROGRESS*'
        @(Get-SimulatorJournal $Sim | Where-Object Path -Like '/v1/tasks*').Count | Should -Be 0
    }

    It 'writes nothing when nothing matches' {
        @(Get-WorkflowExecution @od -SpaceId s -Phase suspended -ErrorVariable errs).Count | Should -Be 0
        $errs.Count | Should -Be 0
    }

    It 'has help with examples for both commands' {
        (Get-Help Get-SddcManagerTask).Synopsis | Should -Match 'SDDC Manager tasks'
        @((Get-Help Get-WorkflowExecution -Examples).examples.example).Count | Should -BeGreaterOrEqual 3
    }
}

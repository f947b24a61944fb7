#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
-ErrorAction Stop never hides work: every cancel the server did is in the output before the terminating error,
and at -ThrottleLimit 1 nothing after the failing item is sent. Checked against the simulator's request log.
#>

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

Describe 'A failure that stops the command comes after every result in flight' {
    BeforeAll {
        $common = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Vcf); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
        $ids = 1..30 | ForEach-Object { 't-{0:00}' -f $_ }
        # The cancels the server received, in order, by task ID.
        function Get-CancelRequest { @(Get-SimulatorRequest $Sim) -match '^DELETE /v1/tasks/' -replace '^DELETE /v1/tasks/', '' }
        function Get-CancelledTask { @($ids | Where-Object { (Get-SimulatorStatus $Sim vcf $_) -like 'CANCEL*' }) }
    }
    BeforeEach {
        Reset-TestSimulator $Sim
        Add-SimulatorSeed $Sim vcf @{ ids = $ids }
        $list = @($ids[0..2]) + 'no-such-task' + @($ids[3..29])
        $reported = [System.Collections.Generic.List[object]]::new()
    }

    It '-ThrottleLimit 1 -ErrorAction Stop: the three tasks before the unknown ID are reported, nothing after it is sent' {
        $caught = $null
        try { Stop-Task -TaskId $list @common -ThrottleLimit 1 -ErrorAction Stop | ForEach-Object { $reported.Add($_) } }
        catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -Be 'NotFound,OperationsModule.Cmdlets.StopTaskCommand'
        $caught.TargetObject | Should -Be 'no-such-task'
        @($reported.Id) | Should -Be @($ids[0..2])
        Get-CancelRequest | Should -Be (@($ids[0..2]) + 'no-such-task')
        Get-CancelledTask | Should -Be @($ids[0..2])
    }

    It '$ErrorActionPreference = ''Stop'' with piped IDs and the default -ThrottleLimit: every cancelled task is reported' {
        # Uneven latency keeps several cancels in flight when the unknown ID's 404 comes back.
        Invoke-SimulatorControl -Simulator $Sim -Path 'faults' -Body @{ path = '/v1/tasks/t-'; action = @{ kind = 'latency'; delayMs = 5; jitterMs = 40 } } | Out-Null
        $caught = $null
        & {
            $ErrorActionPreference = 'Stop'
            try { $list | Stop-Task @common | ForEach-Object { $reported.Add($_) } }
            catch { Set-Variable -Name caught -Value $_ -Scope 1 }
        }

        $caught.FullyQualifiedErrorId | Should -Be 'NotFound,OperationsModule.Cmdlets.StopTaskCommand'
        @($reported.Id | Sort-Object) | Should -Be @(Get-CancelledTask)
        @(Get-CancelRequest | Where-Object { $_ -ne 'no-such-task' } | Sort-Object) | Should -Be @(Get-CancelledTask)
    }

    It '$ErrorActionPreference = ''Stop'' at -ThrottleLimit 1 with piped IDs sends nothing after the failure' {
        $caught = $null
        & {
            $ErrorActionPreference = 'Stop'
            try { $list | Stop-Task @common -ThrottleLimit 1 | ForEach-Object { $reported.Add($_) } }
            catch { Set-Variable -Name caught -Value $_ -Scope 1 }
        }

        $caught | Should -Not -BeNullOrEmpty
        @($reported.Id) | Should -Be @($ids[0..2])
        Get-CancelRequest | Should -Be (@($ids[0..2]) + 'no-such-task')
    }

    It 'without Stop the run goes on: one result or one error per ID' {
        $results = Stop-Task -TaskId $list @common -ThrottleLimit 1 -ErrorAction SilentlyContinue -ErrorVariable failures

        @($results).Count | Should -Be 30
        @($failures).Count | Should -Be 1
    }
}

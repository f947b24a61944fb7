#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Find, cancel, confirm for BigChange and OL Connect, as a user meets it in the pinned pwsh: Get-BigChangeJob piped into
    Stop-Job (its BigChange set, never the built-in's), Get-OutputCreation piped into Stop-OutputCreation -Wait, the
    refusals before the wire, the default tables and the help.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    Disconnect-TestSession   # these tests choose their connection explicitly
}

AfterAll {
    Disconnect-TestSession
}

Describe 'Get-BigChangeJob | Stop-Job' {
    BeforeAll {
        $Sim = Start-TestSimulator
        $bc = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As BigChange); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0; CustomerId = 4242 }
        $monday = [datetimeoffset]'2026-12-07T00:00:00Z'
        $week = @{ StartAfter = $monday.UtcDateTime; StartBefore = $monday.AddDays(7).UtcDateTime }
    }
    AfterAll {
        Stop-TestSimulator $Sim
    }
    BeforeEach {
        Reset-TestSimulator $Sim
        Invoke-SimulatorControl -Simulator $Sim -Path 'seed/bigchange/jobs' -Body @{ jobs = @(
                @{ id = 21; status = 'scheduled'; startAt = '2026-12-08T09:00:00Z' }
                @{ id = 22; status = 'scheduled'; startAt = '2026-12-09T09:00:00Z' }
                @{ id = 23; status = 'started'; startAt = '2026-12-08T10:00:00Z' }
                @{ id = 24; status = 'scheduled'; startAt = '2026-12-20T09:00:00Z' }
            ) } | Out-Null
    }

    It 'cancels exactly the jobs found, each once, through the BigChange set' {
        $results = Get-BigChangeJob @bc @week -Status scheduled | Stop-Job -Reason 'Engineer unavailable'

        @($results | Sort-Object Id | ForEach-Object Id) -join ',' | Should -Be '21,22'
        $results | ForEach-Object { $_ | Should -BeOfType ([OperationsModule.Core.Models.CancellationResult]) }
        @(Get-SimulatorJournal $Sim | Where-Object method -EQ 'PUT' | ForEach-Object path | Sort-Object) -join ',' | Should -Be '/v1/jobs/21/cancel,/v1/jobs/22/cancel'
        Get-SimulatorStatus $Sim bigchange 23 | Should -Be 'started'
        Get-SimulatorStatus $Sim bigchange 24 | Should -Be 'scheduled'
    }

    It 'confirms each cancel with -Wait' {
        $results = Get-BigChangeJob @bc @week -Status scheduled | Stop-Job -Reason 'Depot closed' -Wait

        @($results | ForEach-Object Status | Select-Object -Unique) | Should -Be @('Cancelled')
        @($results).Count | Should -Be 2
    }

    It 'still forwards PowerShell jobs to the built-in' {
        $job = Start-Job { Start-Sleep 30 }
        try {
            $job | Stop-Job
            (Get-Job -Id $job.Id).State | Should -Be 'Stopped'
        }
        finally { Remove-Job $job -Force }
    }

    It 'refuses a list without a date range before any request, saying so' {
        { Get-BigChangeJob @bc -Status scheduled -ErrorAction Stop } | Should -Throw '*refuses to list jobs without a date range*'
        Get-SimulatorJournal $Sim | Where-Object path -Like '/v1/jobs*' | Should -BeNullOrEmpty
    }

    It 'shows jobs in a table that fits 80 columns' {
        $lines = @((Get-BigChangeJob @bc @week | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })

        $lines[0] | Should -Match '^\s*JobId\s+Status\s+StartAt\s+Cancellable\s+Reference\s*$'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines.Count | Should -Be 5   # header, dashes, jobs 21-23 (24 starts later)
    }
}

Describe 'Get-OutputCreation | Stop-OutputCreation -Wait' {
    BeforeAll {
        $Sim = Start-TestSimulator
        $ol = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Admin); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    AfterAll {
        Stop-TestSimulator $Sim
    }
    BeforeEach {
        Reset-TestSimulator $Sim
        Add-SimulatorSeed $Sim olconnect @{ operations = @(@{ id = 'op-x'; progress = 20 }, @{ id = 'op-y'; progress = 70 }) }
    }

    It 'cancels every running operation and confirms it as Cancelled' {
        $results = Get-OutputCreation @ol | Stop-OutputCreation -Wait

        @($results | Sort-Object Id | ForEach-Object { "$($_.Id)=$($_.Status)" }) -join ',' | Should -Be 'op-x=Cancelled,op-y=Cancelled'
        Get-SimulatorStatus $Sim olconnect 'op-x' | Should -Be 'cancelled'
    }

    It 'reads operations by ID and writes one NotFound error for one that is gone' {
        $found = 'op-x', 'op-gone' | Get-OutputCreation @ol -ErrorVariable errs -ErrorAction SilentlyContinue

        @($found).Count | Should -Be 1
        $found.OperationId | Should -Be 'op-x'
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NotFound,*GetOutputCreationCommand'
        $errs[0].TargetObject | Should -Be 'op-gone'
    }
}

Describe 'Help for <Name>' -ForEach @(@{ Name = 'Get-BigChangeJob'; Pipe = 'Stop-Job' }, @{ Name = 'Get-OutputCreation'; Pipe = 'Stop-OutputCreation' }) {
    It 'shows a find, cancel, confirm example' {
        $code = (Get-Help $Name -Examples).examples.example.code -join "`n"
        $code | Should -Match "\| *(\r?\n\s*)?$Pipe\b[^\r\n]*-Wait"
    }
}

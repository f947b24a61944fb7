#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Two ways to test a runbook that uses OperationsModule:
    - unit tests: Mock the module's cmdlets, returning objects shaped like theirs and real error records;
    - integration tests: run it against the simulator (OperationsModule.Testing), inject a fault, assert on the
      requests it sent and on the state it left.
    Needs OperationsModule and OperationsModule.Testing installed (or on PSModulePath), and the operations-simulator
    tool on PATH or in a local tool manifest.
#>

BeforeAll {
    Import-Module OperationsModule, OperationsModule.Testing
    $script:Runbook = Join-Path $PSScriptRoot 'Stop-VcfTasksFromCsv.ps1'

    function New-TaskCsv {
        param([string[]] $TaskId)
        $path = Join-Path $TestDrive 'tasks.csv'
        $TaskId | ForEach-Object { [pscustomobject]@{ TaskId = $_ } } | Export-Csv $path -NoTypeInformation
        $path
    }
}

Describe 'Stop-VcfTasksFromCsv (cmdlets mocked)' {
    BeforeAll {
        $script:Credential = [pscredential]::new('admin', (ConvertTo-SecureString 'unused' -AsPlainText -Force))
    }
    BeforeEach {
        Mock Connect-OperationsServer { }
        Mock Disconnect-OperationsServer { }
        # The module's own result type, made by the kit's mock helper.
        Mock Stop-Task { New-OperationsCancellationResult -System Vcf -Id $TaskId[0] }
        # The error record the module writes for a task that is no longer running: exception type, error ID, category, status 409.
        Mock Stop-Task -ParameterFilter { $TaskId -contains 'done-1' } {
            Write-Error -ErrorRecord (New-OperationsErrorRecord -Reason Conflict -TargetObject $TaskId[0] -System Vcf -Message 'The task is not in progress.')
        }
    }

    It 'cancels every listed task once and disconnects' {
        $csv = New-TaskCsv 't-1', 't-2'

        $report = & $Runbook -CsvPath $csv -ReportPath (Join-Path $TestDrive 'r.csv') -BaseUri https://sddc.example -Credential $Credential

        $report.Outcome | Should -Be 'Cancelled', 'Cancelled'
        Should -Invoke Stop-Task -Times 2 -Exactly
        Should -Invoke Stop-Task -Times 1 -Exactly -ParameterFilter { $TaskId -contains 't-2' }
        Should -Invoke Disconnect-OperationsServer -Times 1 -Exactly
    }

    It 'reports a task the server refuses as Failed with its error ID, and goes on' {
        $csv = New-TaskCsv 'done-1', 't-3'

        $report = & $Runbook -CsvPath $csv -ReportPath (Join-Path $TestDrive 'r.csv') -BaseUri https://sddc.example -Credential $Credential

        $report[0].Outcome | Should -Be 'Failed'
        $report[0].Reason | Should -Be 'Conflict'
        $report[1].Outcome | Should -Be 'Cancelled'
        (Import-Csv (Join-Path $TestDrive 'r.csv')).TaskId | Should -Be 'done-1', 't-3'
    }

    It 'refuses a CSV without a TaskId column before connecting' {
        $csv = Join-Path $TestDrive 'bad.csv'
        [pscustomobject]@{ Id = 't-1' } | Export-Csv $csv -NoTypeInformation

        { & $Runbook -CsvPath $csv -ReportPath (Join-Path $TestDrive 'r.csv') -BaseUri https://sddc.example -Credential $Credential } |
            Should -Throw '*no TaskId column*'
        Should -Invoke Connect-OperationsServer -Times 0 -Exactly
    }
}

Describe 'Stop-VcfTasksFromCsv (against the simulator)' {
    BeforeAll {
        $script:Sim = Start-OperationsSimulator
        $script:Connection = @{ BaseUri = $Sim.BaseUri; Credential = $Sim.VcfCredential; ConnectParameters = $Sim.ConnectParameters }
    }
    AfterAll {
        Stop-OperationsSimulator $Sim
    }
    BeforeEach {
        Reset-OperationsSimulator
    }

    It 'cancels the tasks on the server, one DELETE each, after one login' {
        Add-OperationsSimulatorItem -System Vcf -Id 't-1', 't-2'
        $csv = New-TaskCsv 't-1', 't-2'

        $report = & $Runbook -CsvPath $csv -ReportPath (Join-Path $TestDrive 'r.csv') @Connection

        $report.Outcome | Should -Be 'Cancelled', 'Cancelled'
        Get-OperationsSimulatorItemStatus -System Vcf -Id 't-1' | Should -Be 'CANCELLED'
        (Get-OperationsSimulatorRequest -System Vcf -Method DELETE -Path '/v1/tasks/*').Path | Should -Be '/v1/tasks/t-1', '/v1/tasks/t-2'
        @(Get-OperationsSimulatorRequest -System Vcf -Method POST -Path '/v1/tokens').Count | Should -Be 1
    }

    It 'reports a finished task, an unknown task and a server error, and still cancels the rest' {
        Add-OperationsSimulatorItem -System Vcf -Id 't-1', 't-broken'
        Add-OperationsSimulatorItem -System Vcf -Id 't-done' -Status SUCCESSFUL
        Add-OperationsSimulatorFault -Method DELETE -PathPattern '^/v1/tasks/t-broken$' -StatusCode 500
        $csv = New-TaskCsv 't-done', 't-missing', 't-broken', 't-1'

        $report = & $Runbook -CsvPath $csv -ReportPath (Join-Path $TestDrive 'r.csv') @Connection

        $report | ForEach-Object { "$($_.TaskId)=$($_.Outcome)/$($_.Reason)" } |
            Should -Be 't-done=Failed/Conflict', 't-missing=Failed/NotFound', 't-broken=Failed/ServerError', 't-1=Cancelled/'
        Get-OperationsSimulatorItemStatus -System Vcf -Id 't-1' | Should -Be 'CANCELLED'
        Get-OperationsSimulatorItemStatus -System Vcf -Id 't-broken' | Should -Be 'IN_PROGRESS'
        # A 500 is not retried: one DELETE for the broken task.
        @(Get-OperationsSimulatorRequest -Method DELETE -Path '/v1/tasks/t-broken').Count | Should -Be 1
    }

    It 'gets through a 503 with Retry-After by the module''s own retry' {
        Add-OperationsSimulatorItem -System Vcf -Id 't-1'
        Add-OperationsSimulatorFault -Method DELETE -PathPattern '^/v1/tasks/' -StatusCode 503 -RetryAfter 1 -PerPathTimes 1
        $csv = New-TaskCsv 't-1'

        $report = & $Runbook -CsvPath $csv -ReportPath (Join-Path $TestDrive 'r.csv') @Connection

        $report.Outcome | Should -Be 'Cancelled'
        @(Get-OperationsSimulatorRequest -Method DELETE -Path '/v1/tasks/t-1').Count | Should -Be 2
    }

    It 'cancels with the token of its login and revokes it when done' {
        Add-OperationsSimulatorItem -System Vcf -Id 't-1'
        & $Runbook -CsvPath (New-TaskCsv 't-1') -ReportPath (Join-Path $TestDrive 'r.csv') @Connection | Out-Null

        # The log shows that a header was sent, never its value: secrets read '***'.
        (Get-OperationsSimulatorRequest -Method DELETE -Path '/v1/tasks/t-1').Headers.Authorization | Should -Be '***'
        $paths = (Get-OperationsSimulatorRequest -System Vcf).Path
        $paths[0] | Should -Be '/v1/tokens'
        $paths[-1] | Should -Be '/v1/tokens/refresh-token'
    }
}

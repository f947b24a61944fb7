#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# Stop-Job: BigChange jobs against the simulator (started as a process), and PowerShell jobs forwarded to the built-in. #>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    Disconnect-TestSession   # these tests choose their connection explicitly
}

AfterAll {
    Disconnect-TestSession
}

Describe 'Stop-Job for BigChange jobs' {
    BeforeAll {
        $Sim = Start-TestSimulator
        $common = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As BigChange); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    AfterAll {
        Stop-TestSimulator $Sim
    }
    BeforeEach {
        Reset-TestSimulator $Sim
    }

    It 'cancels a job with a reason and returns a CancellationResult carrying the reason' {
        Add-SimulatorSeed $Sim bigchange @{ ids = @(101) }

        $result = Stop-Job -JobId 101 -Reason 'Customer rescheduled' -CustomerId 4242 @common

        $result | Should -BeOfType ([OperationsModule.Core.Models.CancellationResult])
        $result.System | Should -Be 'BigChange'
        $result.Reason | Should -Be 'Customer rescheduled'
        $result.StatusCode | Should -Be 204
        Get-SimulatorStatus $Sim bigchange 101 | Should -Be 'cancelled'
        $put = Get-SimulatorJournal $Sim | Where-Object { $_.method -eq 'PUT' }
        $put.path | Should -Be '/v1/jobs/101/cancel'
        $put.body | Should -Be '"Customer rescheduled"'
    }

    It 'binds JobId, Reason and CustomerId from piped rows (Import-Csv style)' {
        Add-SimulatorSeed $Sim bigchange @{ ids = @(1, 2) }
        $rows = @(
            [pscustomobject]@{ JobId = '1'; Reason = 'Duplicate'; CustomerId = '4242' }
            [pscustomobject]@{ JobId = '2'; Reason = 'Rescheduled'; CustomerId = '4242' }
        )

        $results = $rows | Stop-Job @common

        $results.Count | Should -Be 2
        ($results | Sort-Object Id | ForEach-Object Reason) -join ',' | Should -Be 'Duplicate,Rescheduled'
    }

    It 'reports a started job (422) as ValidationFailed in the server''s field words, said as the job''s state' {
        Add-SimulatorSeed $Sim bigchange @{ jobs = @(@{ id = 7; status = 'started' }) }

        Stop-Job -JobId 7 -Reason 'x' -CustomerId 4242 @common -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'ValidationFailed,OperationsModule.Cmdlets.StopJobCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].TargetObject | Should -Be '7'
        $errs[0].ErrorDetails.Message | Should -Be "Job 7 has status 'started' and cannot be cancelled."
        $errs[0].ErrorDetails.RecommendedAction | Should -BeLike "The job's state does not allow a cancel*"
        "$($errs[0])" | Should -Not -BeLike '*errors property*'
        $errs[0].Exception.Message | Should -Not -BeLike '*errors property*'
        $errs[0].Exception.VendorError.FieldErrors['jobId'] | Should -Not -BeNullOrEmpty
    }

    It 'throws a catchable NotFound with -ErrorAction Stop' {
        $caught = $null
        try { Stop-Job -JobId 999 -Reason 'x' -CustomerId 4242 @common -ErrorAction Stop }
        catch { $caught = $_ }

        $caught.FullyQualifiedErrorId | Should -BeLike 'NotFound,*'
    }

    It 'refuses an empty reason and one over 500 characters before sending, naming -Reason' {
        $r1 = Stop-Job -JobId 1 -Reason '' -CustomerId 4242 @common -ErrorVariable e1 -ErrorAction SilentlyContinue
        $r2 = Stop-Job -JobId 1 -Reason ('x' * 501) -CustomerId 4242 @common -ErrorVariable e2 -ErrorAction SilentlyContinue

        $r1, $r2 | Should -BeNullOrEmpty
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $e1[0].Exception.ParameterName | Should -Be 'Reason'
        $e2[0].Exception.ParameterName | Should -Be 'Reason'
        @(Get-SimulatorJournal $Sim | Where-Object { $_.method -eq 'PUT' }).Count | Should -Be 0
    }

    It 'refuses Connect without -CustomerId (BigChange requires it on every call), and says it is missing per call' {
        $connectErr = { Connect-OperationsServer -System BigChange @common -ErrorAction Stop } | Should -Throw -PassThru
        $connectErr.FullyQualifiedErrorId | Should -Be 'InvalidParameter,OperationsModule.Cmdlets.ConnectOperationsServerCommand'
        $connectErr.Exception.Message | Should -BeLike '-CustomerId is missing: BigChange requires*'
        Get-OperationsSession -System BigChange | Should -BeNullOrEmpty

        Stop-Job -JobId 5 -Reason 'x' @common -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,OperationsModule.Cmdlets.StopJobCommand'
        $errs[0].TargetObject | Should -Be '5'
        $errs[0].Exception.Message | Should -BeLike '-CustomerId is missing*'
        @(Get-SimulatorJournal $Sim | Where-Object method -EQ 'PUT').Count | Should -Be 0
    }

    It 'prints the method and URL with -WhatIf and sends nothing' {
        Add-SimulatorSeed $Sim bigchange @{ ids = @(5) }

        $whatIf = Get-WhatIfText { Stop-Job -JobId 5 -Reason 'x' -CustomerId 4242 @common -WhatIf }

        $whatIf | Should -Be "What if: Performing the operation ""Cancel BigChange Job (PUT $($Sim.BaseUri)v1/jobs/5/cancel)"" on target ""5""."
        Get-SimulatorStatus $Sim bigchange 5 | Should -Be 'scheduled'
    }
}

Describe 'Stop-Job keeps stopping PowerShell background jobs' {
    BeforeEach {
        # Long enough never to finish on its own; Stop-Job (the built-in) waits until the job is stopped.
        $job = Start-Job -Name ('builtin-stop-job-' + [guid]::NewGuid().ToString('N')) -ScriptBlock { Start-Sleep -Seconds 60 }
        # Wait for the state change, not for a time: -State Running only matches a job that has started.
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($job.State -eq 'NotStarted' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $job.State | Should -Be 'Running'
    }
    AfterEach {
        Microsoft.PowerShell.Core\Remove-Job -Job $job -Force -ErrorAction SilentlyContinue
    }

    It 'resolves Stop-Job to the module, with the built-in still reachable by its qualified name' {
        (Get-Command Stop-Job).ModuleName | Should -Be 'OperationsModule'
        Get-Command Microsoft.PowerShell.Core\Stop-Job | Should -Not -BeNullOrEmpty
    }

    It 'Stop-Job -Id stops the job' {
        Stop-Job -Id $job.Id

        (Get-Job -Id $job.Id).State | Should -Be 'Stopped'
    }

    It 'Stop-Job <id> (positional) still means the PowerShell job, as with the built-in' {
        Stop-Job $job.Id

        (Get-Job -Id $job.Id).State | Should -Be 'Stopped'
    }

    It 'Get-Job | Stop-Job stops the piped jobs' {
        Get-Job -Id $job.Id | Stop-Job

        (Get-Job -Id $job.Id).State | Should -Be 'Stopped'
    }

    It 'Stop-Job -Name stops the job' {
        Stop-Job -Name $job.Name

        (Get-Job -Id $job.Id).State | Should -Be 'Stopped'
    }

    It 'Stop-Job -InstanceId stops the job' {
        Stop-Job -InstanceId $job.InstanceId

        (Get-Job -Id $job.Id).State | Should -Be 'Stopped'
    }

    It 'Stop-Job -Job -PassThru returns the built-in job object' {
        $passed = Stop-Job -Job $job -PassThru

        $passed | Should -BeOfType ([System.Management.Automation.Job])
        $passed.InstanceId | Should -Be $job.InstanceId
        $passed.State | Should -Be 'Stopped'
    }

    It 'Stop-Job -Filter is forwarded (the built-in accepts it only for custom job types)' {
        Stop-Job -Filter @{ Name = $job.Name } -ErrorVariable errs -ErrorAction SilentlyContinue

        # Whatever the built-in answers for a background job, it is the built-in's own record (never one of the module's).
        foreach ($e in $errs) { $e.Exception | Should -Not -BeOfType ([OperationsModule.Core.Errors.OperationsApiException]) }
    }

    It 'Stop-Job -State Running stops running jobs' {
        Stop-Job -State Running

        (Get-Job -Id $job.Id).State | Should -Be 'Stopped'
    }

    It 'Stop-Job -WhatIf is passed on and stops nothing' {
        Stop-Job -Id $job.Id -WhatIf

        (Get-Job -Id $job.Id).State | Should -Be 'Running'
    }

    It 'passes on the built-in error for an unknown job ID: its error ID, category and target' {
        Stop-Job -Id 2147483000 -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        # The module's cmdlet writes the record (so -ErrorAction/-ErrorVariable apply): the command part names it.
        $errs[0].FullyQualifiedErrorId | Should -Be 'JobWithSpecifiedSessionNotFound,OperationsModule.Cmdlets.StopJobCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 2147483000
    }

    It 'turns the built-in error into a terminating one with -ErrorAction Stop' {
        { Stop-Job -Id 2147483000 -ErrorAction Stop } | Should -Throw -ErrorId 'JobWithSpecifiedSessionNotFound,OperationsModule.Cmdlets.StopJobCommand'
    }

    It 'refuses a BigChange connection parameter next to -Id before anything runs' {
        # The connection parameters belong to the BigChange set only, so PowerShell's binder refuses the mix.
        { Stop-Job -Id $job.Id -Token (ConvertTo-TestSecret 't') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AmbiguousParameterSet,OperationsModule.Cmdlets.StopJobCommand'
        (Get-Job -Id $job.Id).State | Should -Be 'Running'
    }
}

Describe 'Stop-Job routes piped rows by their JobId, not by their Id' {
    BeforeAll {
        $RowSim = Start-TestSimulator
        $connect = @{ BaseUri = $RowSim.BaseUri; Credential = (New-TestCredential -As BigChange); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0; CustomerId = 4242 }
    }
    AfterAll {
        Disconnect-TestSession
        Stop-TestSimulator $RowSim
    }
    BeforeEach {
        Reset-TestSimulator $RowSim
        Add-SimulatorSeed $RowSim bigchange @{ ids = @(1901) }
        # A default BigChange session and nothing typed that picks a parameter set: the case where binding used to fall to -Id.
        Connect-OperationsServer -System BigChange @connect | Out-Null
        $local = Start-Job -Name ('rows-' + [guid]::NewGuid().ToString('N')) -ScriptBlock { Start-Sleep -Seconds 60 }
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($local.State -eq 'NotStarted' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
        $local.State | Should -Be 'Running'
    }
    AfterEach {
        Microsoft.PowerShell.Core\Remove-Job -Job $local -Force -ErrorAction SilentlyContinue
    }

    It 'a [pscustomobject] with an int Id and a JobId cancels the BigChange job and leaves the local job running' {
        $result = [pscustomobject]@{ Id = [int]$local.Id; JobId = [long]1901; Reason = 'Duplicate' } | Stop-Job

        $result.Id | Should -Be '1901'
        Get-SimulatorStatus $RowSim bigchange 1901 | Should -Be 'cancelled'
        (Get-Job -Id $local.Id).State | Should -Be 'Running'
    }

    It 'a DataTable row (int Id, bigint JobId) cancels the BigChange job and leaves the local job running' {
        $table = [System.Data.DataTable]::new()
        [void]$table.Columns.Add('Id', [int]); [void]$table.Columns.Add('JobId', [long]); [void]$table.Columns.Add('Reason', [string])
        [void]$table.Rows.Add($local.Id, 1901, 'Duplicate')

        $result = $table | Stop-Job

        $result.Id | Should -Be '1901'
        (Get-Job -Id $local.Id).State | Should -Be 'Running'
    }

    It 'an Import-Csv row with Id and JobId cancels the BigChange job and leaves the local job running' {
        $csv = Join-Path $TestDrive 'rows.csv'
        "Id,JobId,Reason`n$($local.Id),1901,Duplicate" | Set-Content $csv

        $result = Import-Csv $csv | Stop-Job

        $result.Id | Should -Be '1901'
        (Get-Job -Id $local.Id).State | Should -Be 'Running'
    }

    It 'a row whose JobId is not a job ID is one error and stops nothing' {
        [pscustomobject]@{ Id = $local.Id; JobId = 'abc'; Reason = 'r' } | Stop-Job -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -BeLike "*JobId 'abc' is not a job ID*"
        (Get-Job -Id $local.Id).State | Should -Be 'Running'
        @(Get-SimulatorRequest $RowSim | Where-Object { $_ -like 'PUT *' }).Count | Should -Be 0
    }

    It 'a row with only an Id still stops the local job' {
        [pscustomobject]@{ Id = $local.Id } | Stop-Job

        (Get-Job -Id $local.Id).State | Should -Be 'Stopped'
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# Stop-Task against the simulated SDDC Manager (simulator started as a process). #>

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

Describe 'Stop-Task against the simulated SDDC Manager' {
    BeforeAll {
        $common = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Vcf); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    BeforeEach {
        Reset-TestSimulator $Sim
    }

    It 'logs in with the credential, cancels and returns a CancellationResult with status 200' {
        Add-SimulatorSeed $Sim vcf @{ ids = @('t-1') }

        $result = Stop-Task -TaskId 't-1' @common

        $result.System | Should -Be 'Vcf'
        $result.Kind | Should -Be 'Task'
        $result.StatusCode | Should -Be 200
        Get-SimulatorStatus $Sim vcf 't-1' | Should -Be 'CANCELLED'
    }

    It 'logs in once for many piped tasks' {
        Add-SimulatorSeed $Sim vcf @{ ids = @('t-1', 't-2', 't-3') }

        $results = 't-1', 't-2', 't-3' | Stop-Task @common

        $results.Count | Should -Be 3
        $logins = @(Get-SimulatorJournal $Sim | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/tokens' })
        $logins.Count | Should -Be 1
    }

    It 'revokes its own login when it ends, so a scheduled run leaves no refresh token behind' {
        Add-SimulatorSeed $Sim vcf @{ ids = @('t-1', 't-2') }

        $results = 't-1', 't-2' | Stop-Task @common -WarningVariable warnings

        $results.Count | Should -Be 2
        $warnings | Should -BeNullOrEmpty
        $calls = @(Get-SimulatorRequest $Sim)
        @($calls | Where-Object { $_ -eq 'POST /v1/tokens' }).Count | Should -Be 1
        @($calls | Where-Object { $_ -eq 'DELETE /v1/tokens/refresh-token' }).Count | Should -Be 1
        $calls[-1] | Should -Be 'DELETE /v1/tokens/refresh-token' -Because 'the revocation follows the last request'
    }

    It 'a revocation that fails is one warning, and the result stands' {
        Add-SimulatorSeed $Sim vcf @{ ids = @('t-1') }
        Add-SimulatorFault $Sim -Method DELETE -PathPattern 'refresh-token' -Status 500

        $result = Stop-Task -TaskId 't-1' @common -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs

        $result.Status | Should -Be 'CancelRequested'
        $errs | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike 'Revoking the SDDC Manager refresh token failed: DELETE *stays valid on the server until it expires.'
    }

    It 'Connect-OperationsServer again revokes the login of the session it replaces' {
        Connect-OperationsServer -System Vcf @common
        Connect-OperationsServer -System Vcf @common
        @(Get-SimulatorRequest $Sim | Where-Object { $_ -eq 'DELETE /v1/tokens/refresh-token' }).Count | Should -Be 1

        Disconnect-OperationsServer -System Vcf

        $calls = @(Get-SimulatorRequest $Sim)
        @($calls | Where-Object { $_ -eq 'POST /v1/tokens' }).Count | Should -Be 2
        @($calls | Where-Object { $_ -eq 'DELETE /v1/tokens/refresh-token' }).Count | Should -Be 2
    }

    It 'binds task objects by their id property' {
        Add-SimulatorSeed $Sim vcf @{ ids = @('t-9') }

        $result = [pscustomobject]@{ id = 't-9'; status = 'IN_PROGRESS' } | Stop-Task @common

        $result.Id | Should -Be 't-9'
    }

    It 'reports a task that is no longer in progress as Conflict (409) with the remediation as RecommendedAction' {
        Add-SimulatorSeed $Sim vcf @{ tasks = @(@{ id = 't-1'; status = 'SUCCESSFUL' }) }

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
        $bad = $common.Clone(); $bad.Credential = New-TestCredential -As VcfWrong

        Stop-Task -TaskId 't-1' @bad -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Unauthorized,*'
        ($errs[0] | Out-String) + $errs[0].Exception.ToString() | Should -Not -Match 'not-the-password'
    }

    It 'can be called module-qualified, which keeps working when PowerCLI is loaded too' {
        Add-SimulatorSeed $Sim vcf @{ ids = @('t-5') }

        $result = OperationsModule\Stop-Task -TaskId 't-5' @common

        $result.Id | Should -Be 't-5'
        (Get-Command Stop-Task -Module OperationsModule).ModuleName | Should -Be 'OperationsModule'
    }
}

Describe 'Stop-Task sends only SDDC Manager task IDs' {
    BeforeAll {
        $common = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Vcf); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    BeforeEach {
        Reset-TestSimulator $Sim
    }

    It 'refuses hashtables, objects without an ID property and lone surrogates before the wire, naming what it looked for' {
        $lone = 'task-' + [char]0xD800

        @{ TaskId = 't-1' }, [pscustomobject]@{ Name = 'nightly' }, $lone | Stop-Task @common -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $errs.Count | Should -Be 3
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'InvalidParameter,OperationsModule.Cmdlets.StopTaskCommand' }
        $errs[0].Exception.Message | Should -BeLike '*System.Collections.Hashtable is not an ID*none of the properties TaskId or Id*'
        $errs[1].Exception.Message | Should -BeLike '*PSCustomObject*it has the properties Name*'
        $errs[2].Exception.Message | Should -BeLike '*half of a UTF-16 surrogate pair*'
        @(Get-SimulatorRequest $Sim | Where-Object { $_ -like 'DELETE /v1/tasks/*' }).Count | Should -Be 0
    }

    It 'masks the password a Spring-style 400 quotes back, in every stream and in Format-List * -Force' {
        $quoted = '{"errorCode":"HttpMessageNotReadableException","message":"JSON parse error: Unrecognized token in {\"username\":\"administrator@vsphere.local\",\"password\":\"vcf-secret-pass\"}"}'
        Add-SimulatorFault $Sim -Method POST -PathPattern '^/v1/tokens$' -Status 400 -Body $quoted -ContentType 'application/json'

        $all = @(& { Stop-Task -TaskId 't-1' @common -Verbose -Debug -ErrorAction Continue } *>&1)
        $record = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $text = ($all | Out-String -Width 4096) + ($record[0], $record[0].Exception, $record[0].ErrorDetails, $record[0].Exception.VendorError | Format-List * -Force | Out-String -Width 4096)

        $record.Count | Should -Be 1
        $text | Should -BeLike '*JSON parse error*'
        $text | Should -BeLike '*`*`*`**'
        $text | Should -Not -BeLike '*vcf-secret-pass*'
    }
}

Describe 'Stop-Task beside PowerCLI' {
    BeforeAll {
        $common = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Vcf); AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
        # A PowerCLI task as PowerShell sees it when PowerCLI is not loaded (its type names only).
        $foreign = [pscustomobject]@{ Id = 'Task-task-9'; Name = 'CloneVM_Task' }
        $foreign.PSObject.TypeNames.Insert(0, 'VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl')
    }
    BeforeEach {
        Reset-TestSimulator $Sim
    }
    AfterAll {
        Remove-Module VMware.VimAutomation.Common -ErrorAction SilentlyContinue
    }

    It 'without PowerCLI loaded, refuses a PowerCLI task with one error naming PowerCLI and sends nothing' {
        $foreign | Stop-Task @common -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Stop-Task -Task $foreign -ErrorVariable taskErrs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $errs.Count | Should -Be 1
        $taskErrs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,OperationsModule.Cmdlets.StopTaskCommand'
        $errs[0].Exception.Message | Should -BeLike '*PowerCLI*VMware.VimAutomation.Common*'
        $taskErrs[0].Exception.Message | Should -BeLike '*PowerCLI*'
        @(Get-SimulatorRequest $Sim | Where-Object { $_ -like 'DELETE *' }).Count | Should -Be 0
    }

    It 'with PowerCLI imported first, $viTask | Stop-Task and Stop-Task -Task $viTask reach PowerCLI''s Stop-Task, nothing reaches SDDC Manager' {
        Import-PowerCliStandIn | Out-Null
        Import-TestModule | Out-Null   # imported second: ours wins the short name, as in the issue
        (Get-Command Stop-Task).ModuleName | Should -Be 'OperationsModule'
        $viTask = [VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl]@{ Id = 'Task-task-77' }
        $viOther = [VMware.VimAutomation.ViCore.Impl.V1.Task.TaskImpl]@{ Id = 'Task-task-78' }

        $piped = $viTask | Stop-Task
        $typed = Stop-Task -Task $viOther

        $piped.Stopped | Should -Be 'Task-task-77'
        $typed.Stopped | Should -Be 'Task-task-78'
        [VMware.VimAutomation.Common.StandIn.StopTaskStandIn]::Stopped | Should -Be @('Task-task-77', 'Task-task-78')
        $viTask.State | Should -Be 'Cancelled'
        @(Get-SimulatorRequest $Sim).Count | Should -Be 0
    }
}

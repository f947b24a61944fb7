#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Submit-, Stop-, Wait-OutputCreation and Get-OutputCreationResult in a real PowerShell session, against the
    simulator started as a process. Every scenario is arranged through the simulator's /_sim endpoints and
    checked through its request journal, so no test depends on timing.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    $script:Sim = Start-TestSimulator
    $script:Admin = New-TestCredential -As Admin
    $script:Common = @{ BaseUri = $Sim.BaseUri; Credential = $Admin; AllowUnencryptedAuthentication = $true }
    $script:Service = '/rest/serverengine/workflow/outputcreation/'
    # Another test file may have connected: these tests choose their connection explicitly.
    Disconnect-TestSession
}

AfterAll {
    Disconnect-TestSession
    Stop-TestSimulator $script:Sim
}

Describe 'Submit-OutputCreation' {
    BeforeEach { Reset-TestSimulator $Sim }

    It 'sends every piped job ID in one request and returns the accepted operation' {
        $op = 1, 2, 3 | Submit-OutputCreation -ConfigId 1001 @Common

        @($op).Count | Should -Be 1
        $op | Should -BeOfType ([OperationsModule.Core.Models.OutputCreationOperation])
        $op.JobIds | Should -Be @(1, 2, 3)
        $op.State | Should -Be 'Submitted'
        $op.OperationId | Should -Not -BeNullOrEmpty
        Get-SimulatorRequest $Sim | Should -Be @("POST ${Service}1001/jobs")
    }

    It 'takes JobId by property name from objects such as Import-Csv rows' {
        $rows = 'JobId', '4', '5' | ConvertFrom-Csv
        $op = $rows | Submit-OutputCreation -ConfigId 'Invoices-Preset' @Common
        $op.JobIds | Should -Be @(4, 5)
    }

    It 'sends nothing under -WhatIf' {
        $out = Submit-OutputCreation -ConfigId 1001 -JobId 1 @Common -WhatIf
        $out | Should -BeNullOrEmpty
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
    }

    It 'submits without prompting under -Confirm:$false' {
        $op = Submit-OutputCreation -ConfigId 1001 -JobId 1 @Common -Confirm:$false
        $op.State | Should -Be 'Submitted'
    }

    It 'waits with -Wait and returns the completed operation with its result paths' {
        $op = Submit-OutputCreation -ConfigId 1001 -JobId 7 -Wait -PollIntervalSec 1 @Common

        $op.State | Should -Be 'Completed'
        $op.PercentComplete | Should -Be 100
        $op.Result | Should -Be @("/var/olconnect/output/$($op.OperationId)/out.pdf")
        $op.CompletedAt | Should -Not -BeNullOrEmpty
        $calls = Get-SimulatorRequest $Sim
        $calls[0] | Should -Be "POST ${Service}1001/jobs"
        $calls[-1] | Should -Be "POST ${Service}getResultTxt/$($op.OperationId)"
        @($calls | Where-Object { $_ -like "GET ${Service}getProgress/*" }).Count | Should -BeGreaterThan 0
    }

    It 'refuses -PollIntervalSec <Value> before any request' -ForEach @(@{ Value = 0 }, @{ Value = 3601 }) {
        { Submit-OutputCreation -ConfigId 1001 -JobId 1 -Wait -PollIntervalSec $Value @Common } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,OperationsModule.Cmdlets.SubmitOutputCreationCommand'
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
    }

    It 'ends the command naming -ConfigId when the preset ID is unusable' {
        { Submit-OutputCreation -ConfigId 'a/b' -JobId 1 @Common } |
            Should -Throw -ErrorId 'InvalidParameter,OperationsModule.Cmdlets.SubmitOutputCreationCommand' -ExpectedMessage '*-ConfigId*'
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
    }

    It 'writes a NotFound record with the vendor message for an unknown preset' {
        $out = Submit-OutputCreation -ConfigId 'NoSuchPreset' -JobId 1 @Common -ErrorAction SilentlyContinue -ErrorVariable failed

        $out | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'NotFound,OperationsModule.Cmdlets.SubmitOutputCreationCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'NoSuchPreset'
        $failed[0].ErrorDetails.Message | Should -Be 'Output Creation Preset not found.'
        $failed[0].Exception.StatusCode | Should -Be 404
    }

    It 'names the unknown job, not the preset, in the NotFound record''s message and TargetObject' {
        $out = 1, 555, 2 | Submit-OutputCreation -ConfigId 1001 @Common -ErrorAction SilentlyContinue -ErrorVariable failed

        $out | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'NotFound,OperationsModule.Cmdlets.SubmitOutputCreationCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be @(555)
        $failed[0].ErrorDetails.Message | Should -Be 'Job entity not found (job 555).'
        $failed[0].Exception.Message | Should -BeLike "*failed: OL Connect does not know job 555:*"
    }
}

Describe 'Stop-OutputCreation' {
    BeforeEach {
        Reset-TestSimulator $Sim
        Add-SimulatorOperation $Sim 'op-a', 'op-b' -Progress 25
    }

    It 'cancels an operation by positional ID and returns a CancellationResult' {
        $result = Stop-OutputCreation 'op-a' @Common -Confirm:$false

        $result | Should -BeOfType ([OperationsModule.Core.Models.CancellationResult])
        $result.Id | Should -Be 'op-a'
        $result.Status | Should -Be 'CancelRequested'
        $result.StatusCode | Should -Be 204
        $result.System | Should -Be 'OLConnect'
        Get-SimulatorStatus $Sim olconnect 'op-a' | Should -Be 'cancelled'
        Get-SimulatorStatus $Sim olconnect 'op-b' | Should -Not -Be 'cancelled'
    }

    It 'cancels what Submit-OutputCreation pipes to it' {
        $result = Submit-OutputCreation -ConfigId 1001 -JobId 1 @Common | Stop-OutputCreation @Common -Confirm:$false
        Get-SimulatorStatus $Sim olconnect $result.Id | Should -Be 'cancelled'
    }

    It 'yields exactly one result or one error per piped ID' {
        $results = 'op-a', 'missing', 'op-b' | Stop-OutputCreation @Common -ErrorAction SilentlyContinue -ErrorVariable failed

        @($results.Id | Sort-Object) | Should -Be @('op-a', 'op-b')
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'missing'
    }

    It 'cancels nothing under -WhatIf' {
        'op-a', 'op-b' | Stop-OutputCreation @Common -WhatIf
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
        Get-SimulatorStatus $Sim olconnect 'op-a' | Should -Not -Be 'cancelled'
    }

    It 'writes a <ErrorId> record for a <Status> answer' -ForEach @(
        @{ Status = 401; ErrorId = 'Unauthorized'; Category = 'AuthenticationError'; Case = 'Wrong'; Message = 'Authentication required: bad or missing credentials.' }
        @{ Status = 403; ErrorId = 'Forbidden'; Category = 'PermissionDenied'; Case = 'Viewer'; Message = "The user's role does not grant access to this method." }
        @{ Status = 404; ErrorId = 'NotFound'; Category = 'ObjectNotFound'; Case = 'Missing'; Message = 'Operation not found.' }
        @{ Status = 500; ErrorId = 'ServerError'; Category = 'InvalidResult'; Case = 'Fault'; Message = 'engine failure' }
    ) {
        $id = 'op-a'
        $credential = $Admin
        switch ($Case) {
            'Wrong' { $credential = New-TestCredential -As Wrong }
            'Viewer' { $credential = New-TestCredential -As Viewer }
            'Missing' { $id = 'no-such-op' }
            'Fault' { Add-SimulatorFault $Sim -Method POST -PathPattern 'cancel/' -Status 500 -ContentType 'application/json' -Body '{"error":{"status":500,"message":"engine failure","parameter":"op-a"}}' }
        }

        $out = Stop-OutputCreation -OperationId $id -BaseUri $Sim.BaseUri -Credential $credential -AllowUnencryptedAuthentication -MaximumRetryCount 0 -ErrorAction SilentlyContinue -ErrorVariable failed

        $out | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $record = $failed[0]
        $record.FullyQualifiedErrorId | Should -Be "$ErrorId,OperationsModule.Cmdlets.StopOutputCreationCommand"
        $record.CategoryInfo.Category | Should -Be $Category
        $record.TargetObject | Should -Be $id
        $record.ErrorDetails.Message | Should -Be $Message
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $record.Exception.StatusCode | Should -Be $Status
        $record.Exception.Method | Should -Be 'POST'
        $record.Exception.RequestUri.AbsolutePath | Should -Be "${Service}cancel/$id"
        $record.Exception.RawBody | Should -Not -BeNullOrEmpty
        ($record | Out-String) | Should -Not -Match 'ol-secret-pass|ol-viewer-pass|not-the-password'
    }

    It 'turns a failure into a catchable exception under -ErrorAction Stop' {
        $caught = $null
        try {
            Stop-OutputCreation -OperationId 'no-such-op' @Common -ErrorAction Stop
        }
        catch {
            $caught = $_
        }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception | Should -BeOfType ([OperationsModule.Core.Errors.OperationsApiException])
        $caught.Exception.StatusCode | Should -Be 404
        $caught.FullyQualifiedErrorId | Should -Be 'NotFound,OperationsModule.Cmdlets.StopOutputCreationCommand'
    }

    It 'takes BaseUri and Credential from $PSDefaultParameterValues' {
        $PSDefaultParameterValues = @{
            'Stop-OutputCreation:BaseUri'                        = $Sim.BaseUri
            'Stop-OutputCreation:Credential'                     = $Admin
            'Stop-OutputCreation:AllowUnencryptedAuthentication' = $true
            'Stop-OutputCreation:Confirm'                        = $false
        }
        (Stop-OutputCreation 'op-b').Status | Should -Be 'CancelRequested'
    }

    It 'refuses to send a credential over http:// without -AllowUnencryptedAuthentication' {
        Stop-OutputCreation 'op-a' -BaseUri $Sim.BaseUri -Credential $Admin -ErrorAction SilentlyContinue -ErrorVariable failed | Out-Null
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'UnencryptedAuthenticationRefused,*'
        $failed[0].CategoryInfo.Category | Should -Be 'SecurityError'
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
    }

    It 'refuses an ID that would change the URL, naming -OperationId, before any request' {
        Stop-OutputCreation '../op-a' @Common -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,OperationsModule.Cmdlets.StopOutputCreationCommand'
        $failed[0].Exception.Message | Should -BeLike '*-OperationId*'
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
    }

    It 'ends with NoSession when there is no session and no -BaseUri' {
        { Stop-OutputCreation 'op-a' -ErrorAction Stop } | Should -Throw -ErrorId 'NoSession,OperationsModule.Cmdlets.StopOutputCreationCommand'
    }
}

Describe 'Wait-OutputCreation' {
    BeforeEach { Reset-TestSimulator $Sim }

    It 'waits for an operation by ID and returns it completed with its result' {
        Add-SimulatorOperation $Sim 'op-w' -Progress 75
        $op = Wait-OutputCreation 'op-w' @Common

        $op | Should -BeOfType ([OperationsModule.Core.Models.OutputCreationOperation])
        $op.State | Should -Be 'Completed'
        $op.Result | Should -Be @('/var/olconnect/output/op-w/out.pdf')
        $op.ConfigId | Should -BeNullOrEmpty
        Get-SimulatorRequest $Sim | Should -Be @("GET ${Service}getProgress/op-w", "POST ${Service}getResultTxt/op-w")
    }

    It 'completes what Submit-OutputCreation pipes to it (ByOperation parameter set)' {
        $submitted = Submit-OutputCreation -ConfigId 1001 -JobId 1, 2 @Common
        $done = $submitted | Wait-OutputCreation -PollIntervalSec 1 @Common

        $done.OperationId | Should -Be $submitted.OperationId
        $done.JobIds | Should -Be @(1, 2)
        $done.State | Should -Be 'Completed'
        $submitted.State | Should -Be 'Completed' -Because 'the piped object is updated in place'
    }

    It 'binds -InputObject and -OperationId by parameter set' {
        $command = Get-Command Wait-OutputCreation
        $command.ParameterSets.Name | Sort-Object | Should -Be @('ById', 'ByOperation')
        # ByOperation is the default so a piped operation binds whole (PowerShell tries the default set first,
        # and in ById the object's OperationId property would bind, losing the object that is updated in place).
        $command.DefaultParameterSet | Should -Be 'ByOperation'
    }

    It 'counts a 404 after progress as done and fetches the result' {
        Add-SimulatorOperation $Sim 'op-gone' -Progress 100
        # Another client sees 'done' first, so the server drops the operation (the OL Connect 2024.2 quirk) ...
        $basic = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('ol-admin:ol-secret-pass'))
        Invoke-RestMethod -Uri ([uri]::new($Sim.BaseUri, "${Service}getProgress/op-gone")) -Headers @{ Authorization = $basic } -UseBasicParsing | Should -Be 'done'
        # ... while the module's first poll still sees 90%; its next poll gets 404.
        Add-SimulatorFault $Sim -Method GET -PathPattern 'getProgress/op-gone' -Status 200 -Body '90' -ContentType 'text/plain' -Times 1

        $op = Wait-OutputCreation 'op-gone' -PollIntervalSec 1 @Common -Verbose 4>&1 | Tee-Object -Variable streams | Where-Object { $_ -is [OperationsModule.Core.Models.OutputCreationOperation] }

        $op.State | Should -Be 'Completed'
        $op.Result | Should -Be @('/var/olconnect/output/op-gone/out.pdf')
        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*404 after 90%*' }).Count | Should -Be 1
        $calls = Get-SimulatorRequest $Sim
        $calls[-1] | Should -Be "POST ${Service}getResultTxt/op-gone"
        @($calls | Where-Object { $_ -eq "GET ${Service}getProgress/op-gone" }).Count | Should -Be 3
    }

    It 'reports NotFound for an operation the server does not know' {
        $out = Wait-OutputCreation 'no-such-op' @Common -ErrorAction SilentlyContinue -ErrorVariable failed

        $out | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'NotFound,OperationsModule.Cmdlets.WaitOutputCreationCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'no-such-op'
        $failed[0].ErrorDetails.Message | Should -Be 'Operation not found.'
    }

    It 'ends a wait at -WaitTimeoutSec with a WaitTimedOut record naming the commands to resume or cancel' {
        Add-SimulatorOperation $Sim 'op-slow'
        $out = Wait-OutputCreation 'op-slow' -PollIntervalSec 1 -WaitTimeoutSec 1 @Common -ErrorAction SilentlyContinue -ErrorVariable failed

        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'WaitTimedOut,OperationsModule.Cmdlets.WaitOutputCreationCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failed[0].ErrorDetails.RecommendedAction | Should -BeLike "*Wait-OutputCreation -OperationId 'op-slow'*Stop-OutputCreation -OperationId 'op-slow'*"
        Get-SimulatorStatus $Sim olconnect 'op-slow' | Should -Not -Be 'cancelled'
    }

    It 'keeps the timed-out operation in the record: its TargetObject pipes into Wait-OutputCreation on the same server and login' {
        Add-SimulatorOperation $Sim 'op-resume'
        $null = Wait-OutputCreation 'op-resume' -PollIntervalSec 1 -WaitTimeoutSec 1 @Common -ErrorAction SilentlyContinue -ErrorVariable failed

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimedOut,*'
        $failed[0].TargetObject | Should -BeOfType ([OperationsModule.Core.Models.OutputCreationOperation])
        $failed[0].TargetObject.OperationId | Should -Be 'op-resume'
        # No -BaseUri or -Credential: the object carries its server and login.
        $done = $failed[0].TargetObject | Wait-OutputCreation -PollIntervalSec 1

        $done.OperationId | Should -Be 'op-resume'
        $done.State | Should -Be 'Completed'
    }

    It 'keeps the submitted operation in the record when Submit-OutputCreation -Wait times out' {
        $out = Submit-OutputCreation -ConfigId 1001 -JobId 8, 9 -Wait -PollIntervalSec 1 -WaitTimeoutSec 1 @Common -ErrorAction SilentlyContinue -ErrorVariable failed

        $out | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimedOut,*'
        $operation = $failed[0].TargetObject
        $operation.JobIds | Should -Be @(8, 9)
        ($operation | Wait-OutputCreation -PollIntervalSec 1).State | Should -Be 'Completed'
    }

    It 'leaves the operation running on the server when the wait is stopped (Ctrl+C)' {
        Add-SimulatorOperation $Sim 'op-long'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModuleManifest, $BaseUri, $Credential)
                    Import-Module $ModuleManifest
                    Wait-OutputCreation 'op-long' -PollIntervalSec 3600 -BaseUri $BaseUri -Credential $Credential -AllowUnencryptedAuthentication
                }).AddArgument((Join-Path $Module.ModuleBase 'OperationsModule.psd1')).AddArgument($Sim.BaseUri).AddArgument($Admin)
            $running = $ps.BeginInvoke()
            # The first poll has been answered once the journal holds it; the wait then pauses for an hour.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Get-SimulatorRequest $Sim) -and [DateTime]::UtcNow -lt $deadline -and -not $running.IsCompleted) { Start-Sleep -Milliseconds 100 }
            Get-SimulatorRequest $Sim | Should -Be @("GET ${Service}getProgress/op-long")

            $ps.Stop()

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            Get-SimulatorStatus $Sim olconnect 'op-long' | Should -BeLike '*%' -Because 'neither cancelled nor finished'
            Get-SimulatorRequest $Sim | Should -Not -Contain "POST ${Service}cancel/op-long"
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'refuses -WaitTimeoutSec 0' {
        { Wait-OutputCreation 'op-x' -WaitTimeoutSec 0 @Common } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,OperationsModule.Cmdlets.WaitOutputCreationCommand'
    }
}

Describe 'Get-OutputCreationResult' {
    BeforeEach {
        Reset-TestSimulator $Sim
        Add-SimulatorOperation $Sim 'op-done' -Progress 100
    }

    It 'returns the output paths with POST getResultTxt' {
        $result = Get-OutputCreationResult 'op-done' @Common

        $result | Should -BeOfType ([OperationsModule.Core.Models.OutputCreationResult])
        $result.Paths | Should -Be @('/var/olconnect/output/op-done/out.pdf')
        Get-SimulatorRequest $Sim | Should -Be @("POST ${Service}getResultTxt/op-done")
    }

    It 'saves the bytes of POST getResult with -OutFile' {
        $file = Join-Path $TestDrive 'op-done.pdf'
        $result = Get-OutputCreationResult 'op-done' -OutFile $file @Common

        $result.OutFile | Should -Be $file
        $result.Length | Should -Be (Get-Item $file).Length
        (Get-Content $file -Raw) | Should -BeLike '%PDF-1.4*operation op-done*'
        Get-SimulatorRequest $Sim | Should -Be @("POST ${Service}getResult/op-done")
    }

    It 'resolves a relative -OutFile against the PowerShell location' {
        Push-Location $TestDrive
        try {
            Get-OutputCreationResult 'op-done' -OutFile 'relative.pdf' @Common | Out-Null
        }
        finally {
            Pop-Location
        }
        Join-Path $TestDrive 'relative.pdf' | Should -Exist
    }

    It 'reports Conflict for an operation that has not finished' {
        Add-SimulatorOperation $Sim 'op-running' -Progress 50
        Get-OutputCreationResult 'op-running' @Common -ErrorAction SilentlyContinue -ErrorVariable failed | Out-Null

        $failed[0].FullyQualifiedErrorId | Should -Be 'Conflict,OperationsModule.Cmdlets.GetOutputCreationResultCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $failed[0].TargetObject | Should -Be 'op-running'
        $failed[0].Exception.Method | Should -Be 'POST'
    }

    It 'says the folder is missing, and creates nothing, for -OutFile <path> in a folder that does not exist' -TestCases @(
        @{ OutFile = '.\output\' }, @{ OutFile = '.\output\file.pdf' }, @{ OutFile = './output/' }
    ) {
        param($OutFile)
        Push-Location $TestDrive
        try {
            $out = Get-OutputCreationResult 'op-done' -OutFile $OutFile @Common -ErrorAction SilentlyContinue -ErrorVariable failed
        }
        finally { Pop-Location }

        $out | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'OutFileFailed,*'
        $failed[0].Exception.Message | Should -BeLike "*the folder '$(Join-Path $TestDrive 'output')' does not exist*"
        $failed[0].TargetObject | Should -Be 'op-done'
        Join-Path $TestDrive 'output' | Should -Not -Exist
        Get-SimulatorRequest $Sim | Should -Not -Contain "POST ${Service}getResult/op-done"
    }

    It 'follows Submit-OutputCreation -Wait in a pipeline into a folder' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'spool') -Force
        $result = Submit-OutputCreation -ConfigId 1001 -JobId 3 -Wait -PollIntervalSec 1 @Common | Get-OutputCreationResult -OutFile $folder.FullName @Common

        $result.OutFile | Should -Be (Join-Path $folder.FullName "$($result.OperationId).pdf")
        $result.OutFile | Should -Exist
    }
}

Describe 'Windows PowerShell 5.1' -Tag 'Desktop' {
    It 'resolves System.Text.Json from the module folder' {
        if ($PSEdition -ne 'Desktop') {
            Set-ItResult -Skipped -Because 'it needs Windows PowerShell 5.1 (the Desktop edition), which runs only on Windows'
            return
        }
        Reset-TestSimulator $Sim
        Submit-OutputCreation -ConfigId 1001 -JobId 1 @Common | Out-Null
        $json = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' }
        $json | Should -Not -BeNullOrEmpty
        $json.Location | Should -BeLike "$($Module.ModuleBase)*"
    }
}

Describe 'PowerShell 7' -Tag 'Core' {
    It "uses PowerShell's own System.Text.Json" {
        if ($PSEdition -ne 'Core') {
            Set-ItResult -Skipped -Because 'it is about PowerShell 7; Windows PowerShell 5.1 has no System.Text.Json of its own'
            return
        }
        Reset-TestSimulator $Sim
        Submit-OutputCreation -ConfigId 1001 -JobId 1 @Common | Out-Null
        [System.Text.Json.JsonSerializer].Assembly.Location | Should -Not -BeLike "$($Module.ModuleBase)*"
    }
}

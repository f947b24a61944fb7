#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The test kit's own commands, run by Invoke-InstalledExamples.ps1 against the installed OperationsModule.Testing
    and the installed operations-simulator tool (found on PATH). What the examples already show (seeding VCF tasks,
    a status fault, filtering requests) is not repeated here.
#>

BeforeAll {
    Import-Module OperationsModule, OperationsModule.Testing
}

Describe 'The kit''s help' {
    It '<_> has a synopsis, a description, explained examples and a description of every parameter, from the installed MAML' -ForEach @((Get-Module OperationsModule.Testing -ListAvailable | Import-Module -PassThru).ExportedFunctions.Keys) {
        # The package carries en-US/OperationsModule.Testing-help.xml, built from docs/OperationsModule.Testing/en-US;
        # the functions have no comment-based help, so everything below comes from that file.
        $command = Get-Command $_
        Join-Path $command.Module.ModuleBase 'en-US' 'OperationsModule.Testing-help.xml' | Should -Exist
        $inline = $command.ScriptBlock.Ast.GetHelpContent()
        $inline.MamlHelpFile | Should -Be 'OperationsModule.Testing-help.xml'
        $inline.Synopsis | Should -BeNullOrEmpty -Because 'the docs pages are the one source of the help'
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeLike "$_*"   # without help, the synopsis is the syntax line
        "$($help.Description.Text)" | Should -Not -BeNullOrEmpty
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        foreach ($example in @($help.Examples.Example)) {
            $example.Code | Should -Not -BeNullOrEmpty -Because "$($example.Title) of $_"
            "$($example.Remarks.Text)".Trim() | Should -Not -BeNullOrEmpty -Because "$($example.Title) of $_ needs an explanation"
        }
        $declared = @($command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters })
        @($help.Parameters.Parameter.Name) | Should -Be $declared -Because "every parameter of $_ is documented, in order"
        foreach ($parameter in @($help.Parameters.Parameter)) { "$($parameter.Description.Text)" | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $_" }
    }
}

Describe 'Start-OperationsSimulator and Stop-OperationsSimulator' {
    It 'starts the tool from PATH over https, where the module connects with SkipCertificateCheck, and stops it' {
        $sim = Start-OperationsSimulator -Https
        try {
            $sim.BaseUri.Scheme | Should -Be 'https'
            $sim.ConnectParameters.SkipCertificateCheck | Should -BeTrue
            Add-OperationsSimulatorItem -System Onedata -Id 'e-1'

            $connect = $sim.ConnectParameters
            $result = Stop-WorkflowExecution -ExecutionId 'e-1' -BaseUri $sim.BaseUri -Token $sim.OnedataToken @connect

            $result.Id | Should -Be 'e-1'
            Get-OperationsSimulatorItemStatus -System Onedata -Id 'e-1' | Should -Not -Be 'active'
        }
        finally { Stop-OperationsSimulator $sim }
        $sim.Process.HasExited | Should -BeTrue
    }

    It 'ends the simulator with the PowerShell process that started it, when nobody stops it' {
        # A child pwsh starts one, prints its process ID and exits without Stop-OperationsSimulator.
        $childPid = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command 'Import-Module OperationsModule.Testing; (Start-OperationsSimulator).Pid'
        $LASTEXITCODE | Should -Be 0
        $simulator = Get-Process -Id ([int]$childPid) -ErrorAction SilentlyContinue
        # Already gone, or going: its stdin closed with the child, which is its signal to exit.
        if ($simulator) { $simulator.WaitForExit(15000) | Should -BeTrue }
    }

    It 'names the missing file when -Path does not exist' {
        { Start-OperationsSimulator -Path (Join-Path $TestDrive 'nope') } | Should -Throw "*-Path '*nope' is not a file*"
    }

    It 'says how to start one when a command needs a simulator and none runs' {
        { Reset-OperationsSimulator } | Should -Throw '*Start-OperationsSimulator first*'
    }
}

Describe 'Faults, switches, seeding and the request log' {
    BeforeAll {
        $script:Sim = Start-OperationsSimulator
        $script:Bc = @{ BaseUri = $Sim.BaseUri; Credential = $Sim.BigChangeCredential; CustomerId = $Sim.BigChangeCustomerId; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    AfterAll { Stop-OperationsSimulator $Sim }
    BeforeEach { Reset-OperationsSimulator $Sim }

    It 'seeds BigChange jobs, and the log shows the cancel reason the module sent' {
        Add-OperationsSimulatorItem -System BigChange -Id 1001

        Stop-Job -JobId 1001 -Reason 'Customer cancelled' @Bc | Out-Null

        $cancel = Get-OperationsSimulatorRequest -System BigChange -Path '/v1/jobs/1001/cancel'
        $cancel.Method | Should -Be 'PUT'
        $cancel.Json | Should -Be 'Customer cancelled'   # BigChange takes the reason as a bare JSON string
        Get-OperationsSimulatorItemStatus -System BigChange -Id 1001 | Should -Not -Be 'scheduled'
    }

    It 'refuses a BigChange job ID that is not a number, naming it' {
        { Add-OperationsSimulatorItem -System BigChange -Id 'abc' } | Should -Throw "*'abc' is not*"
    }

    It 'returns nothing for an item the simulator does not know' {
        Get-OperationsSimulatorItemStatus -System Vcf -Id 'never-seeded' | Should -BeNullOrEmpty
    }

    It 'makes a request fail with a reset connection until the fault is cleared' {
        Add-OperationsSimulatorItem -System BigChange -Id 1001, 1002
        Add-OperationsSimulatorFault -Kind ConnectionReset -PathPattern '/cancel$'

        Stop-Job -JobId 1001 -Reason 'x' @Bc -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        Clear-OperationsSimulatorFault
        (Stop-Job -JobId 1002 -Reason 'x' @Bc).Id | Should -Be '1002'
    }

    It 'answers an HTML page where JSON was expected' {
        Add-OperationsSimulatorItem -System BigChange -Id 1001
        Add-OperationsSimulatorFault -Kind Html -StatusCode 502 -PathPattern '/cancel$' -Times 1

        Stop-Job -JobId 1001 -Reason 'x' @Bc -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].Exception.StatusCode | Should -Be 502
    }

    It 'passes the simulator''s reason on when it refuses a fault' {
        { Add-OperationsSimulatorFault -Kind Status -PathPattern '(' } | Should -Throw "*-PathPattern '(' is not a valid regular expression*"
        { Add-OperationsSimulatorFault -Kind RateLimit } | Should -Throw '*needs -Rate*'
    }

    It 'switches the VCF token status, and Reset restores it' {
        (Set-OperationsSimulatorSwitch -VcfTokenStatus 200).vcfTokenStatus | Should -Be 200
        Reset-OperationsSimulator
        (Set-OperationsSimulatorSwitch -OnedataErrorShape Flat).vcfTokenStatus | Should -Be 201
    }

    It 'empties the request log on reset' {
        Add-OperationsSimulatorItem -System Vcf -Id 't-1'
        $connect = $Sim.ConnectParameters
        Stop-Task -TaskId 't-1' -BaseUri $Sim.BaseUri -Credential $Sim.VcfCredential @connect | Out-Null
        # The cancel, then the revocation of the per-call login's refresh token.
        (Get-OperationsSimulatorRequest -Method DELETE).Path | Should -Be '/v1/tasks/t-1', '/v1/tokens/refresh-token'

        Reset-OperationsSimulator

        @(Get-OperationsSimulatorRequest) | Should -HaveCount 0
    }
}

Describe 'A clean slate per test: BeforeEach Reset-OperationsSimulator' {
    BeforeAll {
        $script:Sim = Start-OperationsSimulator
        $script:Connect = $Sim.ConnectParameters
    }
    AfterAll { Stop-OperationsSimulator $Sim }
    BeforeEach {
        # Warnings of the reset itself are caught here: a test run must not show any.
        $script:ResetWarnings = @(Reset-OperationsSimulator 3>&1)
    }

    It 'a test leaves a VCF login session behind (it holds a refresh token the reset makes the server forget)' {
        Connect-OperationsServer -System Vcf -BaseUri $Sim.BaseUri -Credential $Sim.VcfCredential @Connect
        Get-OperationsSession -System Vcf | Should -Not -BeNullOrEmpty
    }

    It 'the next test sees no session, no warning and no revocation request from the previous one' {
        $ResetWarnings | Should -BeNullOrEmpty
        Get-OperationsSession | Should -BeNullOrEmpty
        @(Get-OperationsSimulatorRequest) | Should -HaveCount 0
    }

    It 'keeps the sessions with -KeepSessions' {
        Connect-OperationsServer -System Onedata -BaseUri $Sim.BaseUri -Token $Sim.OnedataToken @Connect
        Reset-OperationsSimulator -KeepSessions
        (Get-OperationsSession -System Onedata).BaseUri | Should -Be $Sim.BaseUri
        Reset-OperationsSimulator
        Get-OperationsSession -System Onedata | Should -BeNullOrEmpty
    }

    It 'leaves sessions to other servers alone' {
        Connect-OperationsServer -System Onedata -BaseUri 'https://oneprovider.example' -Token $Sim.OnedataToken -SkipVerification
        try {
            Reset-OperationsSimulator
            Get-OperationsSession -System Onedata | Should -Not -BeNullOrEmpty
        }
        finally { Disconnect-OperationsServer -System Onedata }
    }

    It 'Start-OperationsSimulator shows the pattern in its output' {
        $text = $Sim | Out-String
        $text | Should -Match 'BeforeAll \{ \$sim = Start-OperationsSimulator \}'
        $text | Should -Match 'BeforeEach \{ Reset-OperationsSimulator \}'
        $text | Should -Match 'AfterAll \{ Stop-OperationsSimulator \}'
    }
}

Describe 'The request log tells the whole exchange' {
    BeforeAll {
        $script:Sim = Start-OperationsSimulator
        $script:Vcf = @{ BaseUri = $Sim.BaseUri; Credential = $Sim.VcfCredential; AllowUnencryptedAuthentication = $true }
    }
    AfterAll { Stop-OperationsSimulator $Sim }
    BeforeEach { Reset-OperationsSimulator }

    It 'shows that a retried request got 503 from the fault, then 200' {
        Add-OperationsSimulatorItem -System Vcf -Id 't-1'
        Add-OperationsSimulatorFault -System Vcf -Method DELETE -Path '/v1/tasks/*' -StatusCode 503 -RetryAfter 1 -PerPathTimes 1

        Stop-Task -TaskId 't-1' @Vcf | Out-Null

        $deletes = Get-OperationsSimulatorRequest -Method DELETE -Path '/v1/tasks/t-1'
        $deletes.StatusCode | Should -Be 503, 200
        $deletes.Fault | Should -Be 'status', $null
        $deletes | ForEach-Object { $_.Duration | Should -BeOfType [timespan] }
        @(Get-OperationsSimulatorRequest -StatusCode 503) | Should -HaveCount 1
    }

    It 'takes -Path as a wildcard and -PathPattern as a regular expression, on both commands' {
        Add-OperationsSimulatorItem -System Vcf -Id 't-1', 't-2', 't-3'
        Add-OperationsSimulatorFault -Method DELETE -Path '/v1/tasks/t-[23]' -StatusCode 500
        Add-OperationsSimulatorFault -Method DELETE -PathPattern 't-1$' -StatusCode 502 -Times 1

        Stop-Task -TaskId 't-1', 't-2', 't-3' @Vcf -MaximumRetryCount 0 -ThrottleLimit 1 -ErrorAction SilentlyContinue | Out-Null

        (Get-OperationsSimulatorRequest -PathPattern '^/v1/tasks/t-[23]$').StatusCode | Should -Be 500, 500
        (Get-OperationsSimulatorRequest -Path '/v1/tasks/t-1').StatusCode | Should -Be 502
    }

    It 'refuses a -PathPattern that is not a regular expression, naming it' {
        { Get-OperationsSimulatorRequest -PathPattern '(' } | Should -Throw "*-PathPattern '(' is not a valid regular expression*"
    }
}

Describe 'Faults runbooks must survive' {
    BeforeAll {
        $script:Sim = Start-OperationsSimulator
        $script:Vcf = @{ BaseUri = $Sim.BaseUri; Credential = $Sim.VcfCredential; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
    }
    AfterAll { Stop-OperationsSimulator $Sim }
    BeforeEach { Reset-OperationsSimulator; Add-OperationsSimulatorItem -System Vcf -Id 't-1', 't-2' }

    It 'Outage for a number of requests answers 503, then the server is back' {
        Add-OperationsSimulatorFault -Kind Outage -Times 2

        Stop-Task -TaskId 't-1' @Vcf -ErrorVariable failed -ErrorAction SilentlyContinue
        ($failed[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'ServiceUnavailable'
        Stop-Task -TaskId 't-1' @Vcf -ErrorAction SilentlyContinue
        (Stop-Task -TaskId 't-1' @Vcf).Id | Should -Be 't-1'
        (Get-OperationsSimulatorRequest).StatusCode[0..1] | Should -Be 503, 503
        (Get-OperationsSimulatorRequest).Fault[0..1] | Should -Be 'outage', 'outage'
    }

    It 'Outage for a time with -CloseConnection closes every connection unanswered' {
        Add-OperationsSimulatorFault -Kind Outage -Seconds 600 -CloseConnection

        Stop-Task -TaskId 't-1', 't-2' @Vcf -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 2
        ($failed | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Sort-Object -Unique) | Should -Be 'ConnectionFailed'
        Get-OperationsSimulatorRequest | ForEach-Object { $_.Aborted | Should -BeTrue; $_.StatusCode | Should -BeNullOrEmpty; $_.Fault | Should -Be 'outage' }
    }

    It 'Outage for a time answers 503, without Retry-After unless asked to announce its end' {
        $uri = [uri]::new($Sim.BaseUri, 'v1/tasks/t-1')
        Add-OperationsSimulatorFault -Kind Outage -Seconds 600
        $silent = Invoke-WebRequest -Uri $uri -SkipHttpErrorCheck
        Clear-OperationsSimulatorFault
        Add-OperationsSimulatorFault -Kind Outage -Seconds 600 -RetryAfter auto
        $announced = Invoke-WebRequest -Uri $uri -SkipHttpErrorCheck

        $silent.StatusCode, $announced.StatusCode | Should -Be 503, 503
        $silent.Headers.ContainsKey('Retry-After') | Should -BeFalse
        [int]"$($announced.Headers['Retry-After'])" | Should -BeGreaterThan 500
    }

    It 'Unauthorized refuses the login of the system named, and no other' {
        Add-OperationsSimulatorFault -Kind Unauthorized -System Vcf

        Stop-Task -TaskId 't-1' @Vcf -ErrorVariable failed -ErrorAction SilentlyContinue
        ($failed[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'Unauthorized'
        Get-OperationsSimulatorItemStatus -System Vcf -Id 't-1' | Should -Be 'IN_PROGRESS'
        (Get-OperationsSimulatorRequest -Method POST -Path '/v1/tokens').StatusCode | Should -Be 401

        Add-OperationsSimulatorItem -System Onedata -Id 'e-1'
        (Stop-WorkflowExecution -ExecutionId 'e-1' -BaseUri $Sim.BaseUri -Token $Sim.OnedataToken -AllowUnencryptedAuthentication).Id | Should -Be 'e-1'
    }

    It 'Unauthorized refuses a good Onedata token the way Onedata does (400 badToken), which the module reports as Unauthorized' {
        Add-OperationsSimulatorItem -System Onedata -Id 'e-1'
        Add-OperationsSimulatorFault -Kind Unauthorized -System Onedata

        Stop-WorkflowExecution -ExecutionId 'e-1' -BaseUri $Sim.BaseUri -Token $Sim.OnedataToken -AllowUnencryptedAuthentication -ErrorVariable failed -ErrorAction SilentlyContinue

        ($failed[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'Unauthorized'
        (Get-OperationsSimulatorRequest -System Onedata).StatusCode | Should -Be 400
    }

    It 'Truncated cuts the answer off mid-way: one error record, while the server did cancel' {
        Add-OperationsSimulatorFault -Kind Truncated -Method DELETE -Path '/v1/tasks/t-1'

        Stop-Task -TaskId 't-1' @Vcf -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed | Should -HaveCount 1
        $failed[0].TargetObject | Should -Be 't-1'
        Get-OperationsSimulatorItemStatus -System Vcf -Id 't-1' | Should -Be 'CANCELLED'
        $logged = Get-OperationsSimulatorRequest -Method DELETE -Path '/v1/tasks/t-1'
        $logged.Fault | Should -Be 'truncated'
        $logged.Aborted | Should -BeTrue
    }

    It 'FixedWindow announces its limit in the headers and refuses the excess' {
        Add-OperationsSimulatorFault -Kind FixedWindow -Limit 2 -WindowSec 600 -LimitHeaders GitHub
        $uri = [uri]::new($Sim.BaseUri, 'v1/tasks/t-1')
        $answers = 1..3 | ForEach-Object { Invoke-WebRequest -Uri $uri -SkipHttpErrorCheck }

        $answers.StatusCode | Should -Be 401, 401, 429
        "$($answers[0].Headers['X-RateLimit-Limit'])" | Should -Be '2'
        "$($answers[1].Headers['X-RateLimit-Remaining'])" | Should -Be '0'
    }

    It 'names what a fault kind is missing' {
        { Add-OperationsSimulatorFault -Kind Outage } | Should -Throw '*-Kind Outage needs -Seconds*'
        { Add-OperationsSimulatorFault -Kind FixedWindow -Limit 2 } | Should -Throw '*needs -WindowSec*'
        { Add-OperationsSimulatorFault -Kind Status -CloseConnection } | Should -Throw '*-CloseConnection is for -Kind Outage*'
    }
}

Describe 'Mock helpers' {
    It 'New-OperationsCancellationResult makes the module''s own result objects, one per ID' {
        $results = 't-1', 't-2' | New-OperationsCancellationResult -System Vcf

        $results | Should -HaveCount 2
        $results[0] | Should -BeOfType ([OperationsModule.Core.Models.CancellationResult])
        $results[0].Kind | Should -Be 'Task'
        $results[0].Status | Should -Be 'CancelRequested'
        $results[0].StatusCode | Should -Be 200
        $results[1].Id | Should -Be 't-2'
        ($results | Format-Table | Out-String) | Should -Match 'CancelRequested'
    }

    It 'New-OperationsErrorRecord makes the record the module writes: error ID, category, target, status, exception type' {
        $record = New-OperationsErrorRecord -Reason Conflict -TargetObject 't-1' -System Vcf -Message 'The task is not in progress.'

        $record.FullyQualifiedErrorId | Should -Be 'Conflict,OperationsModule.Cmdlets.StopTaskCommand'
        $record.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $record.TargetObject | Should -Be 't-1'
        $record.Exception | Should -BeOfType ([OperationsModule.Core.Errors.OperationsApiException])
        $record.Exception.StatusCode | Should -Be 409
        $record.Exception.ErrorId | Should -Be 'Conflict'
        $record.ErrorDetails.Message | Should -Be 'The task is not in progress.'
    }

    It 'a Mock written with them looks to a runbook like the module' {
        function Invoke-Runbook { param([string[]] $Id) Stop-Task -TaskId $Id -ErrorVariable +failed -ErrorAction SilentlyContinue; $failed | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } }
        Mock Stop-Task { New-OperationsCancellationResult -System Vcf -Id $TaskId[0] }
        Mock Stop-Task -ParameterFilter { $TaskId -contains 'gone' } { Write-Error -ErrorRecord (New-OperationsErrorRecord -Reason NotFound -TargetObject $TaskId[0] -System Vcf) }

        $out = Invoke-Runbook -Id 'gone'

        $out | Should -Be 'NotFound'
    }

    It 'refuses a reason the module never writes, naming the parameter' {
        { New-OperationsErrorRecord -Reason 'Nope' -TargetObject 1 } | Should -Throw "*-Reason 'Nope' is not a reason the module writes*"
    }
}

Describe 'The kit says exactly what is missing' {
    It 'names the folder to add to PATH when the tool is installed there but not on PATH' {
        $fakeHome = Join-Path $TestDrive 'home'
        $tools = New-Item -ItemType Directory -Path (Join-Path $fakeHome '.dotnet/tools') -Force
        Set-Content -Path (Join-Path $tools 'operations-simulator') -Value '#!/bin/sh'
        $kit = (Get-Module OperationsModule.Testing).Path -replace '\.psm1$', '.psd1'
        $script = "Import-Module '$kit'; try { Start-OperationsSimulator } catch { `$_.Exception.Message }"
        $saved = $env:HOME, $env:PATH
        try {
            $env:HOME = $fakeHome
            $env:PATH = Split-Path (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
            $message = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script
        }
        finally { $env:HOME, $env:PATH = $saved }

        "$message" | Should -Match 'is installed \(.*operations-simulator\) but its folder is not on PATH'
        "$message" | Should -Match ([regex]::Escape((Join-Path $fakeHome '.dotnet' 'tools')))
    }

    It 'operations-simulator --help prints its usage and exits 0' {
        $text = & operations-simulator --help
        $LASTEXITCODE | Should -Be 0
        $text[0] | Should -Match '^usage: operations-simulator'
        ($text -join "`n") | Should -Match '--exit-on-stdin-close'
    }
}

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

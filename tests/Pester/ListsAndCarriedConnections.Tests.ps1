#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    What a user meets first besides help: identity parameters take lists, objects made with -BaseUri and a secret
    carry their connection to the next command, and Stop-Job's syntax on PowerShell's own sets is the built-in's.
    Arranged and checked through the simulator's /_sim endpoints and request journal.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    $script:Sim = Start-TestSimulator
    $script:Admin = New-TestCredential -As Admin
    $script:Common = @{ BaseUri = $Sim.BaseUri; Credential = $Admin; AllowUnencryptedAuthentication = $true }
    $script:Service = '/rest/serverengine/workflow/outputcreation/'
    Disconnect-TestSession
}

AfterAll {
    Disconnect-TestSession
    Stop-TestSimulator $script:Sim
}

Describe 'Identity parameters take lists' {
    BeforeEach { Reset-TestSimulator $Sim }

    It 'Stop-OutputCreation -OperationId a, b cancels each and yields one result per ID' {
        Add-SimulatorOperation $Sim 'op-a', 'op-b' -Progress 10
        $results = Stop-OutputCreation -OperationId 'op-a', 'op-b' @Common

        @($results).Count | Should -Be 2
        ($results.Id | Sort-Object) | Should -Be @('op-a', 'op-b')
        Get-SimulatorStatus $Sim olconnect 'op-a' | Should -Be 'cancelled'
        Get-SimulatorStatus $Sim olconnect 'op-b' | Should -Be 'cancelled'
    }

    It 'Stop-Task -TaskId takes a list: each ID yields one result or one error record' {
        Add-SimulatorSeed $Sim vcf @{ tasks = @(@{ id = 't-1'; status = 'IN_PROGRESS' }, @{ id = 't-2'; status = 'IN_PROGRESS' }) }
        $vcf = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Vcf); AllowUnencryptedAuthentication = $true }
        $results = Stop-Task -TaskId 't-1', 'no-such', 't-2', '..' @vcf -ErrorVariable errs -ErrorAction SilentlyContinue

        ($results.Id | Sort-Object) | Should -Be @('t-1', 't-2')
        $errs.Count | Should -Be 2
        ($errs.TargetObject | Sort-Object) | Should -Be @('..', 'no-such')
        ($errs | Where-Object TargetObject -EQ '..').FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
    }

    It 'a blank line in a file of IDs is one InvalidParameter record, and the other lines still go' {
        Add-SimulatorSeed $Sim vcf @{ tasks = @(@{ id = 't-1'; status = 'IN_PROGRESS' }, @{ id = 't-2'; status = 'IN_PROGRESS' }) }
        $vcf = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As Vcf); AllowUnencryptedAuthentication = $true }
        $file = Join-Path ([IO.Path]::GetTempPath()) ("tasks-{0}.txt" -f [guid]::NewGuid())
        Set-Content -LiteralPath $file -Value 't-1', '', 't-2'
        try { $results = Get-Content -LiteralPath $file | Stop-Task @vcf -ThrottleLimit 1 -ErrorVariable errs -ErrorAction SilentlyContinue }
        finally { Remove-Item -LiteralPath $file }

        ($results.Id | Sort-Object) | Should -Be @('t-1', 't-2')
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidParameter,OperationsModule.Cmdlets.StopTaskCommand'
        $errs[0].TargetObject | Should -BeExactly ''
        $errs[0].Exception.Message | Should -Be 'Cannot use the value given for -TaskId: the value is empty.'
    }

    It 'Stop-WorkflowExecution -ExecutionId takes a list, and -WhatIf sends none of it' {
        $results = Stop-WorkflowExecution -ExecutionId 'w-1', 'w-2', 'w-3' -BaseUri $Sim.BaseUri -Token (ConvertTo-TestSecret 'onedata-good-token') -AllowUnencryptedAuthentication -WhatIf

        $results | Should -BeNullOrEmpty
        @(Get-SimulatorJournal $Sim).Count | Should -Be 0
    }

    It 'Stop-Job -JobId takes a list of Int64 with one -Reason' {
        Add-SimulatorSeed $Sim bigchange @{ ids = @(71, 72) }
        $bc = @{ BaseUri = $Sim.BaseUri; Credential = (New-TestCredential -As BigChange); CustomerId = 4242; AllowUnencryptedAuthentication = $true }
        $results = Stop-Job -JobId 71, 72 -Reason 'Customer rescheduled' @bc

        ($results.Id | Sort-Object) | Should -Be @('71', '72')
        $results.Reason | Select-Object -Unique | Should -Be 'Customer rescheduled'
        (Get-Command Stop-Job).Parameters['JobId'].ParameterType | Should -Be ([long[]])
    }

    It 'Wait-OutputCreation and Get-OutputCreationResult take lists of IDs' {
        Add-SimulatorOperation $Sim 'op-c', 'op-d' -Progress 100
        $done = Wait-OutputCreation -OperationId 'op-c', 'op-d' @Common
        $results = Get-OutputCreationResult -OperationId 'op-c', 'op-d' @Common

        ($done.OperationId | Sort-Object) | Should -Be @('op-c', 'op-d')
        ($results.OperationId | Sort-Object) | Should -Be @('op-c', 'op-d')
    }

    It 'declares <Command> -<Parameter> as <Type>' -ForEach @(
        @{ Command = 'Stop-OutputCreation'; Parameter = 'OperationId'; Type = [string[]] }
        @{ Command = 'Wait-OutputCreation'; Parameter = 'OperationId'; Type = [string[]] }
        @{ Command = 'Get-OutputCreationResult'; Parameter = 'OperationId'; Type = [string[]] }
        @{ Command = 'Stop-WorkflowExecution'; Parameter = 'ExecutionId'; Type = [string[]] }
        @{ Command = 'Stop-Task'; Parameter = 'TaskId'; Type = [string[]] }
        @{ Command = 'Submit-OutputCreation'; Parameter = 'JobId'; Type = [long[]] }
    ) {
        (Get-Command $Command).Parameters[$Parameter].ParameterType | Should -Be $Type
    }
}

Describe 'Ad hoc connections travel with their objects' {
    BeforeEach { Reset-TestSimulator $Sim }

    It 'Submit -BaseUri -Credential | Wait-OutputCreation | Get-OutputCreationResult needs no second credential' {
        $result = Submit-OutputCreation -ConfigId 1001 -JobId 1, 2 @Common |
            Wait-OutputCreation -PollIntervalSec 1 |
            Get-OutputCreationResult

        $result.OperationId | Should -Not -BeNullOrEmpty
        $result.Paths | Should -Not -BeNullOrEmpty
        $result.Session.IsAdHoc | Should -BeTrue
        $calls = Get-SimulatorJournal $Sim
        ($calls | Where-Object path -Like '*getResultTxt*').headers.Authorization | Should -Not -BeNullOrEmpty -Because 'the carried credential was sent'
    }

    It 'Submit -BaseUri -Credential | Stop-OutputCreation cancels on the same server' {
        $cancel = Submit-OutputCreation -ConfigId 1001 -JobId 7 @Common | Stop-OutputCreation

        $cancel.Status | Should -Be 'CancelRequested'
        Get-SimulatorStatus $Sim olconnect $cancel.Id | Should -Be 'cancelled'
    }

    It 'an object kept in a variable still works after the command that made it ended' {
        $op = Submit-OutputCreation -ConfigId 1001 -JobId 3 @Common
        $op.Session.IsAdHoc | Should -BeTrue
        $done = $op | Wait-OutputCreation -PollIntervalSec 1

        $done.State | Should -Be 'Completed'
    }

    It 'a piped object''s server plus -Credential is enough (no -BaseUri)' {
        Add-SimulatorOperation $Sim 'op-s' -Progress 100
        $row = [pscustomobject]@{ OperationId = 'op-s'; Server = $Sim.BaseUri }
        $done = $row | Wait-OutputCreation -Credential $Admin -AllowUnencryptedAuthentication

        $done.OperationId | Should -Be 'op-s'
        $done.Server | Should -Be $Sim.BaseUri
    }

    It 'a deserialized operation (Import-Clixml) works with its server and -Credential' {
        $op = Submit-OutputCreation -ConfigId 1001 -JobId 4 @Common
        $file = Join-Path ([IO.Path]::GetTempPath()) "op-$([guid]::NewGuid()).xml"
        try {
            $op | Export-Clixml $file
            $copy = Import-Clixml $file
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
        $cancel = $copy | Stop-OutputCreation -Credential $Admin -AllowUnencryptedAuthentication

        $cancel.Id | Should -Be $op.OperationId
        Get-SimulatorStatus $Sim olconnect $op.OperationId | Should -Be 'cancelled'
    }

    It 'a deserialized operation works with a default session too' {
        $op = Submit-OutputCreation -ConfigId 1001 -JobId 5 @Common
        $copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($op))
        Connect-OperationsServer -System OLConnect @Common | Out-Null
        try { $cancel = $copy | Stop-OutputCreation }
        finally { Disconnect-TestSession }

        $cancel.Id | Should -Be $op.OperationId
    }

    It 'a -Credential with neither -BaseUri nor a piped server is refused, naming -Credential' {
        $err = { Stop-OutputCreation -OperationId 'op-x' -Credential $Admin -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $err.Exception.Message | Should -Match 'Credential'
        @(Get-SimulatorJournal $Sim).Count | Should -Be 0
    }

    It 'never shows the carried secret: <Name>' -ForEach @(
        @{ Name = 'ToString'; Render = { param($o) $o.Session.ToString() } }
        @{ Name = 'Format-List *'; Render = { param($o) $o | Format-List * | Out-String; $o.Session | Format-List * | Out-String } }
        @{ Name = 'ConvertTo-Json'; Render = { param($o) $o | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue } }
        @{ Name = 'Export-Clixml'; Render = { param($o) [System.Management.Automation.PSSerializer]::Serialize($o, 5) } }
    ) {
        $op = Submit-OutputCreation -ConfigId 1001 -JobId 6 @Common
        $text = & $Render $op | Out-String

        $text | Should -Not -BeNullOrEmpty
        $text | Should -Not -Match 'ol-secret-pass'
        $text | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('ol-admin:ol-secret-pass'))))
    }
}

Describe 'Stop-Job syntax on PowerShell''s own parameter sets' {
    It 'shows exactly the built-in''s parameters in set <_>' -ForEach @(
        'SessionIdParameterSet', 'JobParameterSet', 'NameParameterSet', 'InstanceIdParameterSet', 'StateParameterSet', 'FilterParameterSet'
    ) {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $ours = (Get-Command Stop-Job -Module OperationsModule).ParameterSets | Where-Object Name -EQ $_
        $builtIn = (Get-Command Microsoft.PowerShell.Core\Stop-Job -CommandType Cmdlet).ParameterSets | Where-Object Name -EQ $_

        $ours | Should -Not -BeNullOrEmpty
        ($ours.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object) |
            Should -Be ($builtIn.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object)
    }

    It 'keeps the connection parameters on the BigChange set' {
        $set = (Get-Command Stop-Job -Module OperationsModule).ParameterSets | Where-Object Name -EQ 'BigChangeJob'
        foreach ($name in 'Session', 'BaseUri', 'Credential', 'Token', 'ThrottleLimit', 'TimeoutSec', 'CustomerId', 'Reason') {
            $set.Parameters.Name | Should -Contain $name
        }
    }
}

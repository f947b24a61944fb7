#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# A run fails once, not item by item: a refused credential and a dead server, as a scheduled script meets them. #>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    $script:Sim = Start-TestSimulator
    Disconnect-TestSession
}

AfterAll {
    Disconnect-TestSession
    Stop-TestSimulator $script:Sim
}

Describe 'A refused credential' {
    BeforeEach {
        Reset-TestSimulator $Sim
    }

    It 'logs in once for 30 piped IDs at -ThrottleLimit <Limit>, and every ID gets its own record' -TestCases @(@{ Limit = 1 }, @{ Limit = 8 }) {
        $ids = 1..30 | ForEach-Object { "t-$_" }
        Add-SimulatorSeed $Sim vcf @{ ids = $ids }

        $out = $ids | Stop-Task -BaseUri $Sim.BaseUri -Credential (New-TestCredential -As VcfWrong) -AllowUnencryptedAuthentication -ThrottleLimit $Limit -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errs

        $out | Should -BeNullOrEmpty
        @(Get-SimulatorJournal $Sim | Where-Object { $_.method -eq 'POST' -and $_.path -like '/v1/tokens' }).Count | Should -Be 1
        $errs.Count | Should -Be 30
        @($errs | ForEach-Object TargetObject | Sort-Object -Unique).Count | Should -Be 30
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Unauthorized,*' }
        @($errs | Where-Object { $_.Exception.Message -like '*not sent because the server refused the credential*' }).Count | Should -Be 29
    }
}

Describe 'A dead server' {
    It 'fails 1,000 piped IDs with one ConnectionFailed record each, most of them unsent' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $token = ConvertTo-TestSecret 'onedata-good-token'

        # Default retries (3, 1 s apart): the requests in flight probe, the rest fail at once when the probes give up.
        $out = 1..1000 | ForEach-Object { "wid-$_" } |
            Stop-WorkflowExecution -BaseUri "http://127.0.0.1:$port" -Token $token -AllowUnencryptedAuthentication -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errs

        $out | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1000
        @($errs | ForEach-Object TargetObject | Sort-Object -Unique).Count | Should -Be 1000
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*' }
        @($errs | Where-Object { $_.Exception.Message -like '*was not sent because the server was unreachable*' }).Count | Should -BeGreaterOrEqual 992
    }
}

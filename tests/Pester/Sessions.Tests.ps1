#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Connect-OperationsServer / Get-OperationsSession / Disconnect-OperationsServer against the simulator, as a user would run them.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    $script:Sim = Start-TestSimulator
    $script:baseUri = $Sim.BaseUri.AbsoluteUri
    $script:cred = New-TestCredential -As Admin
    $script:badCred = [pscredential]::new('ol-admin', (ConvertTo-TestSecret 'wrong-password'))
    # Sessions outlive a file (the module's store is static): start from none.
    Disconnect-TestSession
}

AfterAll {
    Disconnect-TestSession
    Stop-TestSimulator $script:Sim
}

Describe 'Connect-OperationsServer' {
    BeforeEach {
        Disconnect-TestSession
        Reset-TestSimulator $Sim
    }

    It 'logs in once, stores the default session and writes nothing without -PassThru' {
        $result = Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        $result | Should -BeNullOrEmpty
        $session = Get-OperationsSession -System OLConnect
        $session.System | Should -Be 'OLConnect'
        $session.AuthenticationKind | Should -Be 'Login'
        $session.UserName | Should -Be 'ol-admin'
        @(Get-SimulatorJournal $Sim | Where-Object path -like '*authentication/login').Count | Should -Be 1
    }

    It '-PassThru writes the session, whose text and properties hold no secret' {
        $session = Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -PassThru
        $session | Should -BeOfType 'OperationsModule.Core.Sessions.OperationsSession'
        $text = ($session | Format-List * | Out-String) + ($session | Format-Table | Out-String) + $session.ToString() + ($session | ConvertTo-Json -Depth 3)
        $text | Should -Not -Match 'ol-secret-pass'
        $text | Should -Not -Match ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('ol-admin:ol-secret-pass')))
    }

    It 'the table view shows System, BaseUri, AuthenticationKind, UserName and CreatedAt' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        $table = Get-OperationsSession | Format-Table | Out-String
        foreach ($column in 'System', 'BaseUri', 'AuthenticationKind', 'UserName', 'CreatedAt') { $table | Should -Match $column }
    }

    It 'fails with Unauthorized for a wrong password and keeps no session' {
        { Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $badCred -AllowUnencryptedAuthentication -ErrorAction Stop } |
            Should -Throw -ErrorId 'Unauthorized,OperationsModule.Cmdlets.ConnectOperationsServerCommand'
        Get-OperationsSession -System OLConnect | Should -BeNullOrEmpty
    }

    It 'refuses credentials over http:// without -AllowUnencryptedAuthentication and sends nothing' {
        { Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnencryptedAuthenticationRefused,OperationsModule.Cmdlets.ConnectOperationsServerCommand'
        @(Get-SimulatorJournal $Sim).Count | Should -Be 0
    }

    It 'refuses a BaseUri with user information, naming -BaseUri' {
        $bad = $baseUri -replace '^http://', 'http://ol-admin:ol-secret-pass@'
        $err = { Connect-OperationsServer -System OLConnect -BaseUri $bad -Credential $cred -AllowUnencryptedAuthentication -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.ParameterName | Should -Be 'BaseUri'
        $err.Exception.Message | Should -Not -Match 'ol-secret-pass'
        @(Get-SimulatorJournal $Sim).Count | Should -Be 0
    }

    It '-WhatIf stores nothing and sends nothing' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -WhatIf
        Get-OperationsSession -System OLConnect | Should -BeNullOrEmpty
        @(Get-SimulatorJournal $Sim).Count | Should -Be 0
    }

    # -ForEach data is evaluated at discovery: only literals here; credentials are built in the run phase.
    It 'verifies <System> credentials with a read-only call and keeps no session when they are refused' -ForEach @(
        @{ System = 'Onedata'; Probe = '/api/v3/oneprovider/automation/execution/workflows/' }
        @{ System = 'Vcf'; Probe = '/v1/tasks/' }
        @{ System = 'BigChange'; Probe = '/v1/jobs/' }
    ) {
        $good, $bad = switch ($System) {
            'Onedata' { @{ Token = ConvertTo-TestSecret 'onedata-good-token' }, @{ Token = ConvertTo-TestSecret 'onedata-revoked-token' } }
            'Vcf' { @{ Credential = New-TestCredential -As Vcf }, @{ Credential = New-TestCredential -As VcfWrong } }
            'BigChange' {
                @{ Credential = New-TestCredential -As BigChange; CustomerId = 4242 },
                @{ Credential = [pscredential]::new('bc-client', (ConvertTo-TestSecret 'wrong-secret')); CustomerId = 4242 }
            }
        }

        Connect-OperationsServer -System $System -BaseUri $baseUri @good -AllowUnencryptedAuthentication
        (Get-OperationsSession -System $System).System | Should -Be $System
        @(Get-SimulatorJournal $Sim | Where-Object { $_.method -eq 'GET' -and $_.path -like "$Probe*" }).Count | Should -Be 1

        Disconnect-TestSession
        { Connect-OperationsServer -System $System -BaseUri $baseUri @bad -AllowUnencryptedAuthentication -ErrorAction Stop } |
            Should -Throw -ErrorId 'Unauthorized,OperationsModule.Cmdlets.ConnectOperationsServerCommand'
        Get-OperationsSession -System $System | Should -BeNullOrEmpty
    }

    It '-Verbose and -Debug output never contains the password or token' {
        # $DebugPreference rather than -Debug: on Windows PowerShell 5.1 -Debug means Inquire, which prompts (and fails non-interactively).
        $DebugPreference = 'Continue'
        $streams = Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -Verbose 5>&1 4>&1 | Out-String
        $streams | Should -Match 'authentication/login'
        $streams | Should -Not -Match 'ol-secret-pass'
        $token = (Get-SimulatorJournal $Sim | Where-Object path -like '*getOperations').headers.auth_token
        $token | Should -Be '***'   # the simulator's served journal is redacted too
    }
}

Describe 'Connect-OperationsServer through a proxy' {
    BeforeEach {
        Disconnect-TestSession
    }

    It 'takes -ProxyCredential and shows it nowhere: Format-List, ConvertTo-Json, Export-Clixml' {
        $proxyCred = [pscredential]::new('proxyuser', (ConvertTo-TestSecret 'ProxyP4ss'))
        $session = Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -Proxy 'http://proxy.example:3128' -ProxyCredential $proxyCred -SkipVerification -PassThru
        $session.Proxy | Should -Be ([uri]'http://proxy.example:3128')
        $file = Join-Path ([IO.Path]::GetTempPath()) ("session-{0}.xml" -f [guid]::NewGuid())
        try {
            $session | Export-Clixml -LiteralPath $file
            $text = ($session | Format-List * | Out-String) + ($session | ConvertTo-Json -Depth 4) + (Get-Content -LiteralPath $file -Raw)
        }
        finally {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
        $text | Should -Not -Match 'ProxyP4ss'
    }

    It 'refuses user information in -Proxy as InvalidParameter without echoing the password' {
        $err = $null
        try { Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -Proxy 'http://proxyuser:ProxyP4ss@proxy.example:3128' -SkipVerification }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter*'
        $err.Exception.Message | Should -Match '-Proxy'
        $err.Exception.Message | Should -Match '-ProxyCredential'
        ($err.Exception.Message + $err.TargetObject + $err.ErrorDetails) | Should -Not -Match 'ProxyP4ss'
        Get-OperationsSession -System OLConnect | Should -BeNullOrEmpty
    }

    It 'refuses a proxy scheme other than http(s) as InvalidParameter, not a raw NotSupportedException' {
        $err = $null
        try { Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -Proxy 'ftp://proxy.example:21' -SkipVerification }
        catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter*'
        $err.Exception.Message | Should -Match "scheme 'ftp'"
    }

    It 'names the proxy, not the server, when the proxy cannot be reached' {
        $closed = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $closed.Start()
        $proxy = 'http://127.0.0.1:{0}/' -f $closed.LocalEndpoint.Port
        $closed.Stop()
        $proxyCred = [pscredential]::new('proxyuser', (ConvertTo-TestSecret 'ProxyP4ss'))

        $err = { Connect-OperationsServer -System OLConnect -BaseUri 'https://olconnect.example.com:9340' -Credential $cred -Proxy $proxy -ProxyCredential $proxyCred -MaximumRetryCount 0 -ErrorAction Stop } |
            Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be 'ConnectionFailed,OperationsModule.Cmdlets.ConnectOperationsServerCommand'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -BeLike "*could not reach the proxy $proxy*"
        $err.ErrorDetails.RecommendedAction | Should -BeLike 'Check -Proxy*'
        ($err.Exception.Message + $err.ErrorDetails) | Should -Not -Match 'ProxyP4ss'
        Get-OperationsSession -System OLConnect | Should -BeNullOrEmpty
    }
}

Describe 'The default session' {
    BeforeEach {
        Disconnect-TestSession
        Reset-TestSimulator $Sim
    }

    It 'is used by Stop-OutputCreation when given neither -Session nor -BaseUri' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        $op = 1, 2 | Submit-OutputCreation -ConfigId 1001
        $result = $op | Stop-OutputCreation
        $result.Status | Should -Be 'CancelRequested'
        $result.Session | Should -Be (Get-OperationsSession -System OLConnect)
        @(Get-SimulatorJournal $Sim | Where-Object path -like '*authentication/login').Count | Should -Be 1
    }

    It 'without a session, says which command to run' {
        $err = { Stop-OutputCreation -OperationId 5001 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NoSession,*'
        $err.Exception.Message | Should -Match 'Connect-OperationsServer -System OLConnect'
        @(Get-SimulatorJournal $Sim).Count | Should -Be 0
    }

    It 'Stop-OutputCreation -WhatIf through the default session prints the URL and sends nothing' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        Reset-TestSimulator $Sim
        $whatIf = Get-WhatIfText { Stop-OutputCreation -OperationId 5001 -WhatIf }
        $whatIf | Should -Match ([regex]::Escape("POST $($baseUri)rest/serverengine/workflow/outputcreation/cancel/5001"))
        @(Get-SimulatorJournal $Sim).Count | Should -Be 0
    }

    It 'logs in again once when the token expired' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        $op = 1 | Submit-OutputCreation -ConfigId 1001
        Reset-TestSimulator $Sim   # forgets every token: the session's is now invalid
        $op2 = 3 | Submit-OutputCreation -ConfigId 1001
        $op2.OperationId | Should -Not -BeNullOrEmpty
        @(Get-SimulatorJournal $Sim | Where-Object path -like '*authentication/login').Count | Should -Be 1
    }
}

Describe 'Get-OperationsSession and Disconnect-OperationsServer' {
    BeforeEach {
        Disconnect-TestSession
        Reset-TestSimulator $Sim
    }

    It 'Get-OperationsSession writes nothing for a system without a session' {
        Get-OperationsSession -System Vcf | Should -BeNullOrEmpty
    }

    It 'Disconnect-OperationsServer -System closes the default session' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        Disconnect-OperationsServer -System OLConnect
        Get-OperationsSession -System OLConnect | Should -BeNullOrEmpty
    }

    It 'a piped session is closed, and using it afterwards names -Session' {
        $session = Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -PassThru
        $session | Disconnect-OperationsServer
        Get-OperationsSession | Should -BeNullOrEmpty
        $err = { Stop-OutputCreation -OperationId 5001 -Session $session -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.ParameterName | Should -Be 'Session'
    }

    It 'Disconnect-OperationsServer -WhatIf keeps the session' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        Disconnect-OperationsServer -System OLConnect -WhatIf
        Get-OperationsSession -System OLConnect | Should -Not -BeNullOrEmpty
    }

    It 'a system without a session gives one non-terminating NoSession error' {
        Disconnect-OperationsServer -System Vcf -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NoSession,*'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Connect-OperationsServer / Get-OperationsSession / Disconnect-OperationsServer against the simulator, as a user would run them.

BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
    Import-Module (Join-Path $root 'out' 'OperationsModule' 'OperationsModule.psd1') -Force

    # The shared tests/Pester/TestHelpers.psm1 (Start-TestSimulator) is used when present; otherwise start it here.
    $helpers = Join-Path $PSScriptRoot 'TestHelpers.psm1'
    if (Test-Path $helpers) {
        Import-Module $helpers -Force
        $script:sim = Start-TestSimulator
    }
    else {
        $dll = Get-ChildItem (Join-Path $root 'src' 'OperationsModule.Simulator' 'bin') -Recurse -Filter 'OperationsModule.Simulator.dll' |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet', "`"$($dll.FullName)`" --urls http://127.0.0.1:0")
        $psi.RedirectStandardOutput = $true
        $psi.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($psi)
        $handshake = $process.StandardOutput.ReadLine() | ConvertFrom-Json
        $script:sim = [pscustomobject]@{ BaseUri = $handshake.baseUri; Process = $process }
    }

    $script:baseUri = $sim.BaseUri
    $script:cred = [pscredential]::new('ol-admin', (ConvertTo-SecureString 'ol-secret-pass' -AsPlainText -Force))
    $script:badCred = [pscredential]::new('ol-admin', (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force))

    function Reset-Simulator { Invoke-RestMethod -Method Post -Uri "$baseUri_sim/reset" | Out-Null }
    function Get-SimRequests { Invoke-RestMethod -Uri "$($baseUri)_sim/requests" }
    $script:baseUri_sim = "$($baseUri)_sim"
}

AfterAll {
    Disconnect-OperationsServer -ErrorAction SilentlyContinue
    if (Get-Command Stop-TestSimulator -ErrorAction SilentlyContinue) { Stop-TestSimulator $sim }
    elseif ($sim.Process) { $sim.Process.Kill(); $sim.Process.Dispose() }
}

Describe 'Connect-OperationsServer' {
    BeforeEach {
        Disconnect-OperationsServer -ErrorAction SilentlyContinue
        Reset-Simulator
    }

    It 'logs in once, stores the default session and writes nothing without -PassThru' {
        $result = Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        $result | Should -BeNullOrEmpty
        $session = Get-OperationsSession -System OLConnect
        $session.System | Should -Be 'OLConnect'
        $session.AuthenticationKind | Should -Be 'Login'
        $session.UserName | Should -Be 'ol-admin'
        @(Get-SimRequests | Where-Object path -like '*authentication/login').Count | Should -Be 1
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
        @(Get-SimRequests).Count | Should -Be 0
    }

    It 'refuses a BaseUri with user information, naming -BaseUri' {
        $bad = $baseUri -replace '^http://', 'http://ol-admin:ol-secret-pass@'
        $err = { Connect-OperationsServer -System OLConnect -BaseUri $bad -Credential $cred -AllowUnencryptedAuthentication -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.ParameterName | Should -Be 'BaseUri'
        $err.Exception.Message | Should -Not -Match 'ol-secret-pass'
        @(Get-SimRequests).Count | Should -Be 0
    }

    It '-WhatIf stores nothing and sends nothing' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -WhatIf
        Get-OperationsSession -System OLConnect | Should -BeNullOrEmpty
        @(Get-SimRequests).Count | Should -Be 0
    }

    It '-Verbose and -Debug output never contains the password or token' {
        $streams = Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication -Verbose -Debug 5>&1 4>&1 | Out-String
        $streams | Should -Match 'authentication/login'
        $streams | Should -Not -Match 'ol-secret-pass'
        $token = (Get-SimRequests | Where-Object path -like '*getOperations').headers.auth_token
        $token | Should -Be '***'   # the simulator's served journal is redacted too
    }
}

Describe 'The default session' {
    BeforeEach {
        Disconnect-OperationsServer -ErrorAction SilentlyContinue
        Reset-Simulator
    }

    It 'is used by Stop-OutputCreation when given neither -Session nor -BaseUri' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        $op = 1, 2 | Submit-OutputCreation -ConfigId 1001
        $result = $op | Stop-OutputCreation
        $result.Status | Should -Be 'CancelRequested'
        $result.Session | Should -Be (Get-OperationsSession -System OLConnect)
        @(Get-SimRequests | Where-Object path -like '*authentication/login').Count | Should -Be 1
    }

    It 'without a session, says which command to run' {
        $err = { Stop-OutputCreation -OperationId 5001 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NoSession,*'
        $err.Exception.Message | Should -Match 'Connect-OperationsServer -System OLConnect'
        @(Get-SimRequests).Count | Should -Be 0
    }

    It 'Stop-OutputCreation -WhatIf through the default session prints the URL and sends nothing' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        Reset-Simulator
        $whatIf = Stop-OutputCreation -OperationId 5001 -WhatIf 6>&1 | Out-String
        $whatIf | Should -Match ([regex]::Escape("POST $($baseUri)rest/serverengine/workflow/outputcreation/cancel/5001"))
        @(Get-SimRequests).Count | Should -Be 0
    }

    It 'logs in again once when the token expired' {
        Connect-OperationsServer -System OLConnect -BaseUri $baseUri -Credential $cred -AllowUnencryptedAuthentication
        $op = 1 | Submit-OutputCreation -ConfigId 1001
        Invoke-RestMethod -Method Post -Uri "$baseUri_sim/reset" | Out-Null   # forgets every token: the session's is now invalid
        $op2 = 3 | Submit-OutputCreation -ConfigId 1001
        $op2.OperationId | Should -Not -BeNullOrEmpty
        @(Get-SimRequests | Where-Object path -like '*authentication/login').Count | Should -Be 1
    }
}

Describe 'Get-OperationsSession and Disconnect-OperationsServer' {
    BeforeEach {
        Disconnect-OperationsServer -ErrorAction SilentlyContinue
        Reset-Simulator
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

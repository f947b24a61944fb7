#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# What a first Import-Module costs a fresh PowerShell 7 process in things that do not depend on timing: every profile and
   scheduled run pays it. bench/ImportTime measures the milliseconds; these tests keep the causes from growing back. #>

BeforeAll {
    # Windows PowerShell loads the .NET Framework check first, by design: this is about PowerShell 7.
    if ($PSVersionTable.PSEdition -eq 'Desktop') { return }
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Join-Path (Get-TestModulePath) 'OperationsModule.psd1'
    # A fresh process of this same pwsh: in this one, Pester and earlier tests have loaded and run too much already.
    $shell = @('pwsh', 'pwsh.exe' | ForEach-Object { Join-Path $PSHOME $_ } | Where-Object { Test-Path $_ })
    $launch = if ($shell) { @($shell[0]) } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }
    # The listing runs once before the import: what the listing itself loads (Microsoft.CSharp, for its binders) is then
    # loaded already and does not count against the module.
    $list = "[AppDomain]::CurrentDomain.GetAssemblies().GetName().Name | Where-Object { `$_ -notin `$before } | Sort-Object"
    $probe = "`$before = @(); `$null = $list; `$before = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name; Import-Module '$manifest'; $list"
    $exe, $rest = $launch
    $script:Loaded = @(& $exe @rest -NoProfile -NonInteractive -Command $probe)
    $script:ExitCode = $LASTEXITCODE
}

Describe 'A first import in a fresh PowerShell 7 process' -Skip:($PSVersionTable.PSEdition -eq 'Desktop') {
    It 'succeeds' {
        $ExitCode | Should -Be 0
    }

    It 'loads the module''s own assemblies and nothing else' {
        # Not the .NET Framework check (Windows PowerShell only), not System.Text.Json or anything from dependencies/
        # (PowerShell 7 has its own, loaded when a command first needs it), not the simulator or its test kit.
        $Loaded | Where-Object { $_ -notin 'OperationsModule', 'OperationsModule.Core' } | Should -BeNullOrEmpty
        $Loaded | Should -Contain 'OperationsModule'
    }
}

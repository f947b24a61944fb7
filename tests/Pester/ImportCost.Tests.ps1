#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# What Import-Module costs, in things that do not depend on timing (every profile and scheduled run pays it), and the
   arithmetic of bench/ImportTime, which measures the milliseconds: a wrong quartile or a misread /proc field would
   make every figure it prints wrong without any error. #>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    $bench = Join-Path $PSScriptRoot '../../bench/ImportTime'
    Import-Module (Join-Path $bench 'ImportTime.Statistics.psm1') -Force
    Import-Module (Join-Path $bench 'ImportTime.Load.psm1') -Force
    Import-Module (Join-Path $bench 'ImportTime.Targets.psm1') -Force
}

AfterAll {
    Remove-Module ImportTime.Statistics, ImportTime.Load, ImportTime.Targets -ErrorAction Ignore
}

Describe 'What the module asks PowerShell to do at import' {
    It 'registers its views from one format file, with no types file and no script to run' {
        # Each of these makes every import do more: a types file updates the type table, a script is parsed and run.
        @($Module.ExportedFormatFiles | Split-Path -Leaf) | Should -Be @('OperationsModule.Format.ps1xml')
        $Module.ExportedTypeFiles | Should -BeNullOrEmpty
        $Module.Scripts | Should -BeNullOrEmpty
        $Module.RequiredAssemblies | Should -BeNullOrEmpty
    }
}

Describe 'A first import in a fresh PowerShell 7 process' -Skip:($PSVersionTable.PSEdition -eq 'Desktop') {
    BeforeAll {
        $manifest = Join-Path (Get-TestModulePath) 'OperationsModule.psd1'
        # A fresh process of this same pwsh: in this one, Pester and earlier tests have loaded and run too much already.
        $launch = Get-PwshLaunch
        # The listing runs once before the import: what the listing itself loads (Microsoft.CSharp, for its binders) is then
        # loaded already and does not count against the module.
        $list = "[AppDomain]::CurrentDomain.GetAssemblies().GetName().Name | Where-Object { `$_ -notin `$before } | Sort-Object"
        $probe = "`$before = @(); `$null = $list; `$before = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name; Import-Module '$manifest'; $list"
        $exe, $rest = $launch
        $script:Loaded = @(& $exe @rest -NoProfile -NonInteractive -Command $probe)
        $script:ExitCode = $LASTEXITCODE
    }

    It 'succeeds' {
        $ExitCode | Should -Be 0
    }

    It 'loads the module''s own assemblies and nothing else' {
        # Not the .NET Framework check (Windows PowerShell only), not System.Text.Json or anything from dependencies/
        # (PowerShell 7 has its own, loaded when a command first needs it).
        $Loaded | Where-Object { $_ -notin 'OperationsModule', 'OperationsModule.Core' } | Should -BeNullOrEmpty
        $Loaded | Should -Contain 'OperationsModule'
    }
}

Describe 'The import bench''s statistics' {
    It 'interpolates between the middle values of an even count' {
        Get-Quantile @(4, 1, 3, 2) 0.5 | Should -Be 2.5
    }

    It 'takes the middle value of an odd count, in any order' {
        Get-Quantile @(5, 1, 3) 0.5 | Should -Be 3
    }

    It 'puts the quartiles of 1..5 at 2 and 4, and the ends at the extremes' {
        Get-Quantile @(1, 2, 3, 4, 5) 0.25 | Should -Be 2
        Get-Quantile @(1, 2, 3, 4, 5) 0.75 | Should -Be 4
        Get-Quantile @(3, 9, 1) 0 | Should -Be 1
        Get-Quantile @(3, 9, 1) 1 | Should -Be 9
    }

    It 'summarises the per-round differences, not the difference of the medians' {
        # Medians 25 and 30 differ by 5; the rounds' own differences are 1..4.
        $summary = Get-PairedSummary -Subject @(10, 20, 30, 40) -Baseline @(9, 18, 27, 36)
        $summary.Median | Should -Be 2.5
        $summary.Q1 | Should -Be 1.75
        $summary.Q3 | Should -Be 3.25
    }

    It 'refuses series of different lengths, which cannot be paired' {
        { Get-PairedSummary -Subject @(1, 2) -Baseline @(1) } | Should -Throw '*differ in length*'
    }
}

Describe 'The import bench''s reading of the machine''s CPU counters' {
    It 'counts idle and iowait as idle, and all eight time columns as the total' {
        $reading = ConvertFrom-ProcStat 'cpu  100 10 50 800 40 0 0 0 7 0'
        $reading.Total | Should -Be 1000
        $reading.Idle | Should -Be 840
    }

    It 'adds utime, stime, cutime and cstime after a command name with spaces and parentheses' {
        $fields = @('S', 1, 1, 1, 0, -1, 0, 0, 0, 0, 0, 11, 22, 33, 44, 20, 0) -join ' '
        ConvertFrom-ProcSelfStat "4242 (odd (name) x) $fields" | Should -Be 110
    }

    It 'gives the share of the machine that other processes used, leaving out this process and its children' {
        $before = [pscustomobject]@{ Total = 1000; Idle = 500; Own = 100 }
        $after = [pscustomobject]@{ Total = 2000; Idle = 1200; Own = 250 }
        # 1000 ticks passed, 300 busy, 150 of them ours.
        Get-OtherCpuShare $before $after | Should -Be 0.15
    }

    It 'never reports a negative share, and none when no time passed' {
        $before = [pscustomobject]@{ Total = 1000; Idle = 500; Own = 100 }
        Get-OtherCpuShare $before ([pscustomobject]@{ Total = 1100; Idle = 580; Own = 130 }) | Should -Be 0
        Get-OtherCpuShare $before $before | Should -Be 0
    }
}

Describe 'The modules the import bench times beside the built one' {
    It 'builds the trivial baseline as one cmdlet and no views, and with -OneView as one table view more' {
        $plain = New-TrivialModule $TestDrive 'BenchPlain'
        $viewed = New-TrivialModule $TestDrive 'BenchOneView' -OneView
        try {
            $plainModule = Import-Module $plain -PassThru
            @($plainModule.ExportedCmdlets.Keys) | Should -Be @('Get-BenchPlain')
            $plainModule.ExportedFormatFiles | Should -BeNullOrEmpty
            $viewedModule = Import-Module $viewed -PassThru
            @($viewedModule.ExportedFormatFiles).Count | Should -Be 1
            $views = Get-FormatData -TypeName 'BenchOneView.Item' -PowerShellVersion $PSVersionTable.PSVersion
            @($views.FormatViewDefinition).Count | Should -Be 1
            $views.FormatViewDefinition[0].Control | Should -BeOfType [System.Management.Automation.TableControl]
            @($views.FormatViewDefinition[0].Control.Headers).Count | Should -Be 1
        } finally {
            Remove-Module BenchPlain, BenchOneView -ErrorAction Ignore
        }
    }

    It 'copies the built module with only the <Variant> lines of the manifest changed' -ForEach @(
        @{ Variant = 'NoFormat'; Changed = @{ FormatsToProcess = '@()' } }
    ) {
        $original = Join-Path (Get-TestModulePath) 'OperationsModule.psd1'
        $copy = New-ModuleVariant $TestDrive $original $Variant
        $before = @(Get-Content $original)
        $after = @(Get-Content $copy)
        $after.Count | Should -Be $before.Count
        $changed = @{}
        for ($i = 0; $i -lt $before.Count; $i++) {
            if ($before[$i] -ne $after[$i]) {
                $key, $value = $after[$i].Split('=', 2).Trim()
                $changed[$key] = $value
            }
        }
        $changed.Keys | Sort-Object | Should -Be ($Changed.Keys | Sort-Object)
        foreach ($key in $Changed.Keys) { $changed[$key] | Should -Be $Changed[$key] }
        # The rest of the module comes along: the copy imports like the original.
        Test-Path (Join-Path (Split-Path $copy) 'OperationsModule.dll') | Should -BeTrue
    }

    It 'copies the built module''s face over trivial cmdlets: the same manifest, views, names and [Cmdlet] attributes' {
        $original = Join-Path (Get-TestModulePath) 'OperationsModule.psd1'
        $copy = New-SameFaceModule $TestDrive $original
        $folder = Split-Path $copy
        Get-Content -Raw $copy | Should -BeExactly (Get-Content -Raw $original)
        $views = 'OperationsModule.Format.ps1xml'
        Get-Content -Raw (Join-Path $folder $views) | Should -BeExactly (Get-Content -Raw (Join-Path (Split-Path $original) $views))
        # None of the module's code: one assembly of stubs, no Core, no dependencies.
        @(Get-ChildItem $folder -Filter 'OperationsModule*.dll').Name | Should -Be @('OperationsModule.dll')
        Test-Path (Join-Path $folder 'dependencies') | Should -BeFalse
        function Get-Face([System.Reflection.Assembly] $Assembly) {
            foreach ($type in $Assembly.GetExportedTypes()) {
                if ($type.IsAbstract -or -not $type.IsSubclassOf([System.Management.Automation.Cmdlet])) { continue }
                $a = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
                '{0} {1}-{2} ShouldProcess={3} Impact={4} DefaultSet={5}' -f $type.Name, $a.VerbName, $a.NounName,
                    $a.SupportsShouldProcess, $a.ConfirmImpact, $a.DefaultParameterSetName
            }
        }
        $stubs = [System.Reflection.Assembly]::LoadFile((Join-Path $folder 'OperationsModule.dll'))
        $built = [System.Reflection.Assembly]::LoadFrom((Join-Path (Split-Path $original) 'OperationsModule.dll'))
        $expected = @(Get-Face $built | Sort-Object)
        $expected.Count | Should -Be 14
        @(Get-Face $stubs | Sort-Object) | Should -Be $expected
        # Some cmdlets use each named argument, or the copy would not carry what PowerShell reads at import.
        $expected -match 'ShouldProcess=True' | Should -Not -BeNullOrEmpty
        $expected -match 'Impact=Low' | Should -Not -BeNullOrEmpty
        $expected -match 'DefaultSet=\S' | Should -Not -BeNullOrEmpty
        $stubs.GetType('ModuleInitializer') | Should -BeNullOrEmpty
    }

    It 'refuses a variant it does not know rather than time an unchanged copy under that name' {
        $original = Join-Path (Get-TestModulePath) 'OperationsModule.psd1'
        { New-ModuleVariant $TestDrive $original 'NoViews' } | Should -Throw "*Unknown variant 'NoViews'*"
    }
}

# The import-time bench's arithmetic: the paired statistics it reports and its reading of how busy the machine was.
# A wrong quartile or a misread /proc field would make every figure it prints wrong without any error.

BeforeAll {
    $bench = Join-Path $PSScriptRoot '../../bench/ImportTime'
    Import-Module (Join-Path $bench 'ImportTime.Statistics.psm1') -Force
    Import-Module (Join-Path $bench 'ImportTime.Load.psm1') -Force
}

AfterAll {
    Remove-Module ImportTime.Statistics, ImportTime.Load -ErrorAction Ignore
}

Describe 'Get-Quantile' {
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
}

Describe 'Get-PairedSummary' {
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

Describe 'Reading the machine''s CPU counters' {
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

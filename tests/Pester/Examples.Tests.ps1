#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Every documented example runs: each ```powershell block of README.md and of the topic pages docs/*.md, each "### Example N" of the cmdlet pages
    in docs/en-US and each code block of about_OperationsModule, one test each, found at discovery time (a new
    example is a new test). Each runs against the simulator's demo data with only the substitution described in
    tests/Pester/README.md (ExampleSandbox.psm1), must end without a terminating error, may write only the error
    reasons its marker names, and where the page shows its output, must write the same columns or properties and
    the same values where they do not vary (ExampleOutput.psm1). Markers: ExampleExtraction.psm1.
    The test kit's pages (docs/OperationsModule.Testing/en-US) run too, each against a simulator the kit starts.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'ExampleExtraction.psm1') -Force
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    # The README and the topic pages it links to (docs/*.md) run like it.
    $pages = @(Get-ChildItem (Join-Path $root 'docs/en-US') -Filter *.md | Sort-Object Name) + @(Get-Item (Join-Path $root 'README.md')) +
        @(Get-ChildItem (Join-Path $root 'docs') -Filter *.md -File | Sort-Object Name)
    $script:Examples = @(Get-DocumentExample -Path $pages.FullName -Root $root | ForEach-Object {
            @{ Name = $_.Name; Example = $_; NoRun = $_.Markers['no-run'] }
        })
    $script:Runnable = @($Examples | Where-Object { $null -eq $_.NoRun })
    $script:NotRun = @($Examples | Where-Object { $null -ne $_.NoRun })
    # The test kit's pages (OperationsModule.Testing): each example starts its own simulator through the kit.
    $kitPages = @(Get-ChildItem (Join-Path $root 'docs/OperationsModule.Testing/en-US') -Filter *.md | Sort-Object Name)
    $script:KitExamples = @(Get-DocumentExample -Path $kitPages.FullName -Root $root | ForEach-Object {
            @{ Name = $_.Name; Example = $_; NoRun = $_.Markers['no-run'] }
        })
    $script:KitRunnable = @($KitExamples | Where-Object { $null -eq $_.NoRun })
    $script:KitNotRun = @($KitExamples | Where-Object { $null -ne $_.NoRun })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleSandbox.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleOutput.psm1') -Force
    $script:Module = Import-TestModule
    $script:Manifest = Join-Path (Get-TestModulePath) 'OperationsModule.psd1'
    $script:Sim = Start-TestSimulator -Demo

    function Get-ReasonOf($ErrorRecord) { ($ErrorRecord.FullyQualifiedErrorId -split ',')[0] }

    function Assert-ExampleParses($Example) {
        $tokens = $null; $parseErrors = $null
        [System.Management.Automation.Language.Parser]::ParseInput($Example.Code, [ref]$tokens, [ref]$parseErrors) | Out-Null
        @($parseErrors | ForEach-Object Message) | Should -BeNullOrEmpty -Because "the example at line $($Example.Line) should be valid PowerShell:`n$($Example.Code)"
    }

    function Format-ExampleText {
        <# What a console would show: the output as formatted, then errors (concise view), warnings, information. #>
        param($Result)
        $text = [System.Collections.Generic.List[string]]::new()
        $text.Add(($Result.Output | Out-String -Width 250))
        foreach ($record in $Result.Errors) {
            $message = if ($record.ErrorDetails -and $record.ErrorDetails.Message) { $record.ErrorDetails.Message } else { $record.Exception.Message }
            $text.Add("$($record.InvocationInfo.MyCommand.Name): $message")
        }
        foreach ($warning in $Result.Warnings) { $text.Add("WARNING: $warning") }
        foreach ($line in $Result.Verbose) { $text.Add("VERBOSE: $line") }
        foreach ($line in $Result.Information) { $text.Add($line) }
        $text -join "`n"
    }
}

AfterAll {
    Disconnect-TestSession
    Stop-TestSimulator $script:Sim
}

# The examples are checked in PowerShell 7 (the pinned pwsh); Windows PowerShell 5.1 runs the module's own tests.
Describe 'Documented examples run against the simulator' -Skip:($PSVersionTable.PSEdition -eq 'Desktop') {
    BeforeEach {
        Reset-TestSimulator $Sim
        # Operations finish at the first poll, so -Wait examples take no longer than one request.
        Invoke-SimulatorControl -Simulator $Sim -Path 'switches' -Body @{ progressStepPercent = 100 } | Out-Null
    }
    AfterEach {
        Disconnect-TestSession
    }

    # Not run, but never skipped: each still has to parse, and its test name says why it is not run.
    It '<Name> (not run: <NoRun>) parses' -ForEach $NotRun {
        Assert-ExampleParses $Example
    }

    It '<Name>' -ForEach $Runnable {
        $result = Invoke-DocExample -Example $Example -BaseUri $Sim.BaseUri -ModuleManifest $Manifest -HostForTranscript $Host
        $text = Format-ExampleText $result

        $result.Unassigned | Should -BeNullOrEmpty -Because "the example reads variables it never assigns and the documented preamble does not define (line $($Example.Line))"
        $result.Exception | Should -BeNullOrEmpty -Because "the example should run without a terminating error (line $($Example.Line)):`n$($result.Code)`n$text"

        $expected = @(if ($Example.Markers['errors']) { $Example.Markers['errors'] -split '[,\s]+' | Where-Object { $_ } })
        $reasons = @($result.Errors | ForEach-Object { Get-ReasonOf $_ })
        @($reasons | Where-Object { $_ -notin $expected }) | Should -BeNullOrEmpty -Because "errors other than the marked ones ($($expected -join ', ')) mean it does not run as written:`n$text"
        @($expected | Where-Object { $_ -notin $reasons }) | Should -BeNullOrEmpty -Because "the marker promises these error reasons:`n$text"

        if ($Example.Output -and -not $Example.Markers.ContainsKey('output-not-compared')) {
            Compare-ExampleOutput -Expected $Example.Output -Actual $text | Should -BeNullOrEmpty
        }
        # "$e.Exception.StatusCode   # 404": the value is a line of the output (addresses masked).
        foreach ($value in $Example.Printed) {
            Compare-ExampleOutput -Expected $value -Actual $text | Should -BeNullOrEmpty
        }
        # "Prints `What if: ...`" in the prose: the line -WhatIf really printed (addresses masked).
        foreach ($line in $Example.WhatIf) {
            Compare-ExampleOutput -Expected $line -Actual ($result.WhatIf -join "`n") | Should -BeNullOrEmpty
        }
    }
}

# The kit needs PowerShell 7.4; the shim that stands for the installed tool is a shell script.
Describe 'Test kit examples run against the simulator they start' -Skip:($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
    BeforeAll {
        # The kit finds `operations-simulator` on PATH (as after `dotnet tool install --global`): a shim runs the build.
        $script:Shims = New-SimulatorShim -SimulatorDll (Get-TestSimulatorPath) -Folder (Join-Path ([System.IO.Path]::GetTempPath()) ('om-kit-' + [guid]::NewGuid().ToString('N').Substring(0, 8)))
        $script:SavedPath = $env:PATH
        $env:PATH = $Shims + [System.IO.Path]::PathSeparator + $env:PATH
        $kitRoot = Join-Path $PSScriptRoot '../../src/OperationsModule.Testing'
        $script:KitModules = @((Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'), (Resolve-Path (Join-Path $kitRoot 'OperationsModule.Testing.psd1')).Path)
    }
    AfterAll {
        $env:PATH = $SavedPath
        Remove-Item -LiteralPath $Shims -Recurse -Force -ErrorAction SilentlyContinue
    }
    AfterEach {
        Disconnect-TestSession
    }

    It '<Name>' -ForEach $KitRunnable {
        $result = Invoke-DocExample -Example $Example -BaseUri $Sim.BaseUri -ModuleManifest $Manifest -KitModule $KitModules -ShimFolder $Shims
        $text = Format-ExampleText $result

        $result.Unassigned | Should -BeNullOrEmpty -Because "the example reads variables it never assigns and the documented preamble does not define (line $($Example.Line))"
        $result.Exception | Should -BeNullOrEmpty -Because "the example should run without a terminating error (line $($Example.Line)):`n$($result.Code)`n$text"
        $expected = @(if ($Example.Markers['errors']) { $Example.Markers['errors'] -split '[,\s]+' | Where-Object { $_ } })
        @($result.Errors | ForEach-Object { Get-ReasonOf $_ } | Where-Object { $_ -notin $expected }) | Should -BeNullOrEmpty -Because "of what it wrote:`n$text"
    }

    It '<Name> (not run: <NoRun>) parses' -ForEach $KitNotRun {
        Assert-ExampleParses $Example
    }
}

Describe 'Examples that are marked not to run' {
    It 'are few, and each says why' -ForEach @(@{ All = @($Examples) + @($KitExamples) }) {
        $skipped = @($All | Where-Object { $null -ne $_.NoRun })
        foreach ($example in $skipped) { $example.NoRun | Should -Not -BeNullOrEmpty -Because "$($example.Name) needs a reason" }
        $category = {
            if ($_.Example.Document -like 'docs/OperationsModule.Testing/*') { 'test kit help' }
            elseif ($_.Example.Document -match '^docs/[^/]+\.md$') { 'docs topic pages' }
            else { @{ Command = 'cmdlet help'; About = 'about topic'; Page = 'README' }[$_.Example.Kind] }
        }
        $counts = $All | Group-Object $category | ForEach-Object {
            $notRun = @($_.Group | Where-Object { $null -ne $_.NoRun }).Count
            "$($_.Name) $($_.Count) ($notRun not run)"
        }
        Write-Host "Documented examples: $($All.Count): $($counts -join ', ')"
        foreach ($example in $skipped) { Write-Host "  not run: $($example.Name): $($example.NoRun)" }
        $skipped.Count | Should -BeLessThan ([Math]::Ceiling($All.Count / 5))
    }
}

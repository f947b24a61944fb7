#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# The module as a user installs it: manifest, exported surface, help pages, formatting, tab completion (Get-Help itself: Help.Tests.ps1). #>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifestData = Read-TestModuleManifest (Join-Path (Get-TestModulePath) 'OperationsModule.psd1')
    $script:Cmdlets = @($manifestData.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:ModulePath = Get-TestModulePath
    $script:ManifestPath = Join-Path $ModulePath 'OperationsModule.psd1'
    $script:Module = Import-TestModule
    $script:Manifest = Read-TestModuleManifest $ManifestPath
    $script:DocsPath = Join-Path $PSScriptRoot '../../docs/en-US'
}

Describe 'Manifest' {
    It 'is valid for Test-ModuleManifest' {
        $info = Test-ModuleManifest $ManifestPath -ErrorAction Stop
        $info.Name | Should -Be 'OperationsModule'
        $info.Version | Should -Be ([version]$Manifest.ModuleVersion)
    }

    It 'supports Windows PowerShell 5.1 and PowerShell 7' {
        $Manifest.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        [version]$Manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'lists exactly the cmdlets the module exports' {
        $exported = Get-Command -Module OperationsModule -CommandType Cmdlet | Select-Object -ExpandProperty Name | Sort-Object
        $exported | Should -Be @($Manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports no functions, variables or aliases' {
        $Module.ExportedFunctions.Count | Should -Be 0
        $Module.ExportedVariables.Count | Should -Be 0
        $Module.ExportedAliases.Count | Should -Be 0
    }
}

Describe 'Help for <Name>' -ForEach $Cmdlets {
    It 'has a markdown page with a synopsis and at least three examples' {
        $page = Join-Path $DocsPath "$Name.md"
        $page | Should -Exist
        $text = Get-Content $page -Raw
        $text | Should -Match '(?m)^## SYNOPSIS\s*\r?\n\S'
        ([regex]::Matches($text, '(?m)^### Example \d+')).Count | Should -BeGreaterOrEqual 3
    }

    It 'declares its output type' {
        (Get-Command $Name).OutputType.Type | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_OperationsModule' {
    It 'is laid out as a PlatyPS 0.14 about topic' {
        $lines = Get-Content (Join-Path $DocsPath 'about_OperationsModule.md')
        $lines[0] | Should -Be '# OperationsModule'
        $lines[1] | Should -Be '## about_OperationsModule'
        ($lines -join "`n") | Should -Match '(?m)^# SHORT DESCRIPTION' 
        ($lines -join "`n") | Should -Match '(?m)^# LONG DESCRIPTION'
    }
}

Describe 'Formatting' {
    It 'loads a view for <TypeName>' -ForEach @(
        @{ TypeName = 'OperationsModule.Core.Models.CancellationResult' }
        @{ TypeName = 'OperationsModule.Core.Models.OutputCreationOperation' }
        @{ TypeName = 'OperationsModule.Core.Models.OutputCreationResult' }
        @{ TypeName = 'OperationsModule.Core.Sessions.OperationsSession' }
    ) {
        $views = Get-FormatData -TypeName $TypeName -PowerShellVersion $PSVersionTable.PSVersion
        $views | Should -Not -BeNullOrEmpty
        $controls = @($views.FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name })
        $controls | Should -Contain 'TableControl'
        $controls | Should -Contain 'ListControl'
    }

    It 'shows an operation as a readable table without raw nested objects' {
        $op = [OperationsModule.Core.Models.OutputCreationOperation]::FromId('5001', [uri]'https://olconnect.example.com:9340/')
        $table = $op | Out-String
        # The ID and the state first, so that an 80-column console keeps them whole; Server is in Format-List.
        $table | Should -Match 'OperationId\s+State\s+Percent\s+Jobs\s+ConfigId\s+SubmittedAt'
        $table | Should -Match '5001\s+Unknown\s'
        $table | Should -Not -Match 'OperationsModule\.Core\.'
    }

    It 'shows every property of an operation in the list view' {
        $op = [OperationsModule.Core.Models.OutputCreationOperation]::FromId('5001', [uri]'https://olconnect.example.com:9340/')
        $op.Result = [string[]]@('/out/a.pdf', '/out/b.pdf')
        $list = $op | Format-List | Out-String
        $list | Should -Match 'Result\s*:\s*/out/a\.pdf'
        $list | Should -Match 'ProgressLink'
        $list | Should -Not -Match 'OperationsModule\.Core\.'
    }
}

Describe 'Parameters' {
    It 'offers the systems as completions for -System' {
        $line = 'Connect-OperationsServer -System '
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'OLConnect'
        $completions | Should -Contain 'Onedata'
        $completions | Should -Contain 'Vcf'
        $completions | Should -Contain 'BigChange'
    }

    It 'bounds -PollIntervalSec to 1..3600 and defaults it to 2' {
        $attribute = (Get-Command Wait-OutputCreation).Parameters['PollIntervalSec'].Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] }
        $attribute.MinRange | Should -Be 1
        $attribute.MaxRange | Should -Be 3600
    }

    It 'lets Stop-OutputCreation and Submit-OutputCreation support -WhatIf and -Confirm' {
        foreach ($name in 'Stop-OutputCreation', 'Submit-OutputCreation') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
            (Get-Command $name).Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

Describe 'The .NET Framework release check (Windows PowerShell 5.1)' {
    BeforeAll {
        # PowerShell 7 never loads the shipped check: it is loaded here so its decision can be asked about any release.
        $script:CheckPath = Join-Path $ModulePath 'OperationsModule.RuntimeCheck.dll'
        Add-Type -Path $CheckPath
        $script:Check = [OperationsModule.RuntimeCheck.DotNetFrameworkRelease]
        $script:Gate = [OperationsModule.RuntimeCheck.FrameworkReleaseGate]
    }

    It 'is the nested module of Windows PowerShell only: PowerShell 7 loads nothing for it' {
        (Read-TestModuleManifest $ManifestPath -Edition Desktop).NestedModules | Should -Be @('OperationsModule.RuntimeCheck.dll')
        (Read-TestModuleManifest $ManifestPath -Edition Core).NestedModules | Should -BeNullOrEmpty
        $Module.NestedModules | Should -BeNullOrEmpty
        $CheckPath | Should -Exist
    }

    It 'loads where netstandard2.0 cannot, and exports nothing' {
        # net452: it references no netstandard, so it runs before the module's assemblies fail to load.
        $Check.Assembly.GetReferencedAssemblies().Name | Should -Not -Contain 'netstandard'
        $Check.Assembly.GetExportedTypes() | Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) } | Should -BeNullOrEmpty
    }

    It 'stops the import on .NET Framework <Version> with a message naming the version needed' -ForEach @(
        @{ Release = 394802; Version = '4.6.2' }
        @{ Release = 461308; Version = '4.7.1' }
    ) {
        $Check::RefusalFor($Release) |
            Should -BeLike "*needs .NET Framework 4.7.2 or later*has .NET Framework $Version (Release $Release)*"
        # The seam says .NET Framework and gives the release: the initializer's exception is what stops Import-Module.
        $read = [Func[Nullable[int]]] { $Release }.GetNewClosure()
        $thrown = { $Gate::Enforce($true, $read) } | Should -Throw -PassThru
        # PowerShell wraps a .NET method's exception; Import-Module shows the inner one's message.
        $thrown.Exception.InnerException | Should -BeOfType ([PlatformNotSupportedException])
        $thrown.Exception.InnerException.Message | Should -BeLike "*needs .NET Framework 4.7.2 or later*(Release $Release)*"
    }

    It 'lets 4.7.2 (461808) and 4.8 (528040) import, and an unreadable release too' {
        $Check::RefusalFor(461808) | Should -BeNullOrEmpty
        $Check::RefusalFor(528040) | Should -BeNullOrEmpty
        $Check::RefusalFor($null) | Should -BeNullOrEmpty
        { $Gate::Enforce($true, [Func[Nullable[int]]] { 461808 }) } | Should -Not -Throw
        { $Gate::Enforce($true, [Func[Nullable[int]]] { $null }) } | Should -Not -Throw
    }

    It 'checks nothing off .NET Framework: it returns before reading the registry' {
        { $Gate::Enforce($false, [Func[Nullable[int]]] { throw 'the release was read' }) } | Should -Not -Throw
        # Off Windows, reading the registry would throw PlatformNotSupportedException: returning quietly shows the edition guard.
        { [OperationsModule.RuntimeCheck.RuntimeCheckInitializer]::new().OnImport() } | Should -Not -Throw
    }
}

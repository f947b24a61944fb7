#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<# The module as a user installs it: manifest, exported surface, help pages, formatting, tab completion (Get-Help itself: Help.Tests.ps1). #>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifestData = Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'OperationsModule.psd1')
    $script:Cmdlets = @($manifestData.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:ModulePath = Get-TestModulePath
    $script:ManifestPath = Join-Path $ModulePath 'OperationsModule.psd1'
    $script:Module = Import-TestModule
    $script:Manifest = Import-PowerShellDataFile $ManifestPath
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
        # The root module's side: how its initializer reaches the check (internal, so reached by reflection here).
        $initializer = [OperationsModule.ModuleInitializer]
        $script:ReachCheck = $initializer.Assembly.GetType('OperationsModule.DotNetFrameworkCheck', $true).GetMethod(
            'Enforce', [Reflection.BindingFlags]'NonPublic, Static', $null, [type[]]@([string], [bool], [Func[Nullable[int]]]), $null)
        $script:ReachCheckHere = $initializer.Assembly.GetType('OperationsModule.DotNetFrameworkCheck', $true).GetMethod(
            'Enforce', [Reflection.BindingFlags]'Public, Static', $null, [type[]]@([string]), $null)
        $script:ImportSteps = $initializer.GetMethod('Import', [Reflection.BindingFlags]'NonPublic, Static')
    }

    It 'is run by the root module, not named in the manifest: PowerShell 7 loads nothing for it' {
        $Manifest.ContainsKey('NestedModules') | Should -BeFalse
        $Module.NestedModules | Should -BeNullOrEmpty
        $CheckPath | Should -Exist
    }

    It 'ships the netstandard facade that .NET Framework before 4.7.1 lacks, which PowerShell 7 leaves alone' {
        $facade = Join-Path $ModulePath 'netstandard.dll'
        $name = [Reflection.AssemblyName]::GetAssemblyName($facade)
        $name.Name | Should -Be 'netstandard'
        $name.Version | Should -Be ([version]'2.0.0.0')
        # A facade forwards every type to .NET Framework's own assemblies and defines none but <Module> (the reference
        # assembly of the same name defines them all, and would break .NET Framework).
        $pe = [System.Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead($facade))
        try {
            $metadata = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $metadata.ExportedTypes.Count | Should -BeGreaterThan 1000
            $metadata.TypeDefinitions.Count | Should -Be 1
        }
        finally { $pe.Dispose() }
        # PowerShell 7 binds netstandard to its own: the file beside the module is never loaded.
        [Reflection.Assembly]::Load('netstandard, Version=2.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51').Location |
            Should -Not -Be $facade
    }

    It 'references no netstandard and exports nothing' {
        # net452: .NET Framework's own registry API, which netstandard2.0 lacks.
        $Check.Assembly.GetReferencedAssemblies().Name | Should -Not -Contain 'netstandard'
        $Check.Assembly.GetExportedTypes() | Where-Object { $_.IsSubclassOf([System.Management.Automation.Cmdlet]) } | Should -BeNullOrEmpty
    }

    It 'stops the import on .NET Framework <Version> with a message naming the version needed' -ForEach @(
        @{ Release = 394802; Version = '4.6.2' }
        @{ Release = 461308; Version = '4.7.1' }
    ) {
        $Check::RefusalFor($Release) |
            Should -BeLike "*needs .NET Framework 4.7.2 or later*has .NET Framework $Version (Release $Release)*"
        # The seam says .NET Framework and gives the release: the exception is what stops Import-Module.
        $read = [Func[Nullable[int]]] { $Release }.GetNewClosure()
        $thrown = { $Gate::Enforce($true, $read) } | Should -Throw -PassThru
        # PowerShell wraps a .NET method's exception; Import-Module shows the inner one's message.
        $thrown.Exception.InnerException | Should -BeOfType ([PlatformNotSupportedException])
        $thrown.Exception.InnerException.Message | Should -BeLike "*needs .NET Framework 4.7.2 or later*(Release $Release)*"
    }

    It 'is reached by the root module from its own folder, and its refusal comes back as thrown' {
        # The path the initializer takes on Windows PowerShell (file, type and method by name), over a seam's release.
        # PowerShell's wrapper of the method call is the only one: the initializer calls the check through a delegate,
        # which adds none of its own (reflection's TargetInvocationException PowerShell unwraps).
        $thrown = { $ReachCheck.Invoke($null, @($ModulePath, $true, [Func[Nullable[int]]] { 394802 })) } | Should -Throw -PassThru
        $refusal = $thrown.Exception.InnerException
        $refusal | Should -BeOfType ([PlatformNotSupportedException])
        $refusal.Message | Should -BeLike '*needs .NET Framework 4.7.2 or later*has .NET Framework 4.6.2 (Release 394802)*'
        { $ReachCheck.Invoke($null, @($ModulePath, $true, [Func[Nullable[int]]] { 528040 })) } | Should -Not -Throw
        # The overload the initializer calls binds the check's own entry (this runtime, this registry) the same way: off
        # .NET Framework it returns before reading the registry, so only a wrong file, type or method name would throw.
        { $ReachCheckHere.Invoke($null, @($ModulePath)) } | Should -Not -Throw
    }

    It 'runs first on .NET Framework: a refusal ends the import before the dependency resolver is registered' {
        $steps = [Collections.Generic.List[string]]::new()
        $register = [Action] { $steps.Add('resolver') }.GetNewClosure()
        $refuse = [Action] { $steps.Add('check'); throw [PlatformNotSupportedException]::new('too old') }.GetNewClosure()
        $thrown = { $ImportSteps.Invoke($null, @($true, $refuse, $register)) } | Should -Throw -PassThru
        $thrown.Exception.InnerException.Message | Should -Be 'too old'
        $steps | Should -Be @('check')
        $steps.Clear()
        $ImportSteps.Invoke($null, @($true, [Action] { $steps.Add('check') }.GetNewClosure(), $register))
        $steps | Should -Be @('check', 'resolver')
        $steps.Clear()
        $ImportSteps.Invoke($null, @($false, [Action] { $steps.Add('check') }.GetNewClosure(), $register))
        $steps | Should -BeNullOrEmpty -Because 'PowerShell 7 neither checks nor registers anything'
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
        { $Gate::EnforceHere() } | Should -Not -Throw
    }
}

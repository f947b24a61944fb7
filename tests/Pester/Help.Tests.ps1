#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Get-Help as a user meets it, from the MAML and about topic that the build writes into the module folder:
    every exported cmdlet, and every parameter that Get-Command reports. The expected parameter facts come from
    PowerShell's own metadata of the loaded cmdlet, so a new or changed parameter fails here until its page
    says the same.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $module = Import-TestModule
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $script:Cmdlets = @($module.ExportedCmdlets.Values | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    $script:Parameters = @(foreach ($command in $module.ExportedCmdlets.Values | Sort-Object Name) {
            foreach ($parameter in $command.Parameters.Values | Where-Object Name -NotIn $common) {
                @{ Cmdlet = $command.Name; Name = $parameter.Name }
            }
        })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule

    function Get-DocumentedText {
        <# The text of a MAML description (one object per paragraph), joined. #>
        param($Description)
        (@($Description | ForEach-Object { $_.Text }) -join "`n").Trim()
    }
}

Describe 'Get-Help <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
    }

    It 'comes from the MAML help, not from the syntax alone' {
        # Without MAML, Get-Help makes the synopsis out of the syntax line.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *"
    }

    It 'has a description' {
        Get-DocumentedText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code and an explanation' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code.Trim() | Should -Not -BeNullOrEmpty -Because "'$($example.title)' needs code"
            Get-DocumentedText $example.remarks | Should -Not -BeNullOrEmpty -Because "'$($example.title)' needs an explanation"
        }
    }

    It 'names its inputs and outputs' {
        @($help.inputTypes.inputType.type.name | Where-Object { $_ }).Count | Should -BeGreaterOrEqual 1
        @($help.returnValues.returnValue.type.name | Where-Object { $_ }).Count | Should -BeGreaterOrEqual 1
    }

    It 'has related links' {
        @($help.relatedLinks.navigationLink.linkText | Where-Object { $_ }).Count | Should -BeGreaterOrEqual 1
    }

    It 'shows example code that parses without errors in Get-Help -Examples' {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($example.code, [ref]$null, [ref]$errors)
            @($errors).ForEach({ "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty -Because "'$($example.title)' should run as shown"
        }
    }
}

Describe 'Get-Help <Cmdlet> -Parameter <Name>' -ForEach $Parameters {
    BeforeAll {
        $metadata = (Get-Command $Cmdlet).Parameters[$Name]
        $sets = @($metadata.ParameterSets.Values)
        $help = Get-Help $Cmdlet -Parameter $Name -ErrorAction Stop
    }

    It 'has a description' {
        Get-DocumentedText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'names the type PowerShell binds' {
        $help.type.name | Should -BeIn @($metadata.ParameterType.Name, $metadata.ParameterType.FullName)
    }

    It 'gives a position the parameter has in one of its sets' {
        $positions = @($sets | ForEach-Object { if ($_.Position -eq [int]::MinValue) { 'named' } else { [string]$_.Position } })
        $help.position | Should -BeIn $positions
    }

    It 'says how it takes pipeline input' {
        $byValue = @($sets | Where-Object ValueFromPipeline).Count -gt 0
        $byPropertyName = @($sets | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
        $help.pipelineInput.StartsWith('True') | Should -Be ($byValue -or $byPropertyName) -Because "help says '$($help.pipelineInput)'"
        $help.pipelineInput -match '\bByValue\b' | Should -Be $byValue -Because "help says '$($help.pipelineInput)'"
        $help.pipelineInput -match '\bByPropertyName\b' | Should -Be $byPropertyName -Because "help says '$($help.pipelineInput)'"
    }

    It 'lists exactly its aliases' {
        $documented = if ($help.aliases -eq 'none') { @() } else { @($help.aliases -split ',\s*') }
        (@($documented | Sort-Object) -join ', ') | Should -Be (@($metadata.Aliases | Sort-Object) -join ', ')
    }
}

Describe 'about_OperationsModule' {
    It 'is found by Get-Help' {
        $topic = Get-Help about_OperationsModule
        $topic.Category | Should -Be 'HelpFile'
        $topic.Name | Should -Be 'about_OperationsModule'
        ($topic | Out-String) | Should -Match '(?m)^SHORT DESCRIPTION'
    }

    It 'tells Windows PowerShell 5.1 users what -Debug does there and how to unblock a download' {
        $text = (Get-Help about_OperationsModule | Out-String) -replace '\s+', ' '
        $text | Should -Match "\`$DebugPreference to 'Inquire'"
        $text | Should -Match "\`$DebugPreference = 'Continue'"
        $text | Should -Match 'Unblock-File'
    }
}

#Requires -Version 5.1
<#
    Finds the variables an example reads but never assigns, for Examples.Tests.ps1: the runner defines only the
    documented preamble's variables (tests/Pester/README.md), so any other unassigned variable would be $null in the
    test and undefined for a reader who copies the example, and the example cannot run as written.
#>
Set-StrictMode -Version 3.0

$script:Automatic = $null

function Get-VariableName {
    <# A variable's name without its scope (script:, global:, local:, private:). #>
    param([Parameter(Mandatory)] [System.Management.Automation.VariablePath] $Path)
    $Path.UserPath -replace '^(script|global|local|private):', ''
}

# Set by PowerShell in the places where examples read them (script blocks, catch, switch, -match, native calls).
$script:ContextVariables = @(
    '_', 'PSItem', 'args', 'input', 'this', 'Matches', 'LASTEXITCODE', 'foreach', 'switch', 'PSCmdlet',
    'PSBoundParameters', 'MyInvocation', 'PSScriptRoot', 'PSCommandPath', 'Event', 'EventArgs', 'EventSubscriber',
    'Sender', 'SourceArgs', 'SourceEventArgs', 'StackTrace', 'Error', 'true', 'false', 'null'
)

function Get-AutomaticVariableName {
    <# The variables a fresh runspace defines (HOME, PSVersionTable, the preference variables, ...), computed once. #>
    [OutputType([string[]])]
    param()
    if (-not $script:Automatic) {
        $shell = [powershell]::Create()
        try { $script:Automatic = @($shell.AddScript('Get-Variable | ForEach-Object Name').Invoke() | ForEach-Object { "$_" }) }
        finally { $shell.Dispose() }
    }
    $script:Automatic + $script:ContextVariables
}

function Get-AssignedVariableName {
    <# Every variable name the code gives a value: assignments, foreach, parameters, [ref], -*Variable arguments, Set-Variable. #>
    [OutputType([string[]])]
    param([Parameter(Mandatory)] [System.Management.Automation.Language.Ast] $Ast)
    $names = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
    $targets = {
        param($node)
        # $x = ..., [int]$x = ..., $a, $b = ...
        foreach ($variable in $node.FindAll({ param($n) $n -is [System.Management.Automation.Language.VariableExpressionAst] }, $false)) {
            $null = $names.Add((Get-VariableName $variable.VariablePath))
        }
    }
    foreach ($node in $Ast.FindAll({ $true }, $true)) {
        switch ($node) {
            { $_ -is [System.Management.Automation.Language.AssignmentStatementAst] } { & $targets $node.Left }
            { $_ -is [System.Management.Automation.Language.ForEachStatementAst] } { $null = $names.Add((Get-VariableName $node.Variable.VariablePath)) }
            { $_ -is [System.Management.Automation.Language.ParameterAst] } { $null = $names.Add((Get-VariableName $node.Name.VariablePath)) }
            { $_ -is [System.Management.Automation.Language.ConvertExpressionAst] -and $node.Type.TypeName.Name -eq 'ref' } { & $targets $node.Child }
            { $_ -is [System.Management.Automation.Language.CommandAst] } {
                $elements = $node.CommandElements
                $command = $node.GetCommandName()
                for ($i = 0; $i -lt $elements.Count - 1; $i++) {
                    $parameter = $elements[$i]
                    if ($parameter -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                    $isVariableParameter = $parameter.ParameterName -match '^(OutVariable|ov|ErrorVariable|ev|WarningVariable|wv|InformationVariable|iv|PipelineVariable|pv)$' -or
                        ($command -in 'Set-Variable', 'New-Variable', 'sv', 'nv' -and $parameter.ParameterName -eq 'Name')
                    if ($isVariableParameter -and $elements[$i + 1] -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
                        $null = $names.Add($elements[$i + 1].Value.TrimStart('+'))
                    }
                }
                if ($command -in 'Set-Variable', 'New-Variable', 'sv', 'nv' -and $elements.Count -gt 1 -and $elements[1] -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
                    $null = $names.Add($elements[1].Value)
                }
            }
        }
    }
    @($names)
}

function Get-UnassignedVariable {
    <#
        The names of the variables the code reads but never assigns, that are neither automatic nor in -Known (the
        preamble's). Scope prefixes (script:, global:) count as the plain name; drives ($env:X) and $using: are skipped.
    #>
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory)] [string] $Code,
        [string[]] $Known = @(),
        # Code that runs first (the runner's preamble): what it assigns is known.
        [string] $Preamble
    )
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors)
    if ($Preamble) { $Known += @(Get-AssignedVariableName ([System.Management.Automation.Language.Parser]::ParseInput($Preamble, [ref]$tokens, [ref]$errors))) }
    $defined = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
    foreach ($name in @(Get-AutomaticVariableName) + @(Get-AssignedVariableName $ast) + $Known) { if ($name) { $null = $defined.Add($name) } }
    $read = foreach ($variable in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.VariableExpressionAst] }, $true)) {
        $path = $variable.VariablePath
        if ($path.IsDriveQualified -and -not ($path.IsScript -or $path.IsGlobal -or $path.IsLocal -or $path.IsPrivate)) { continue }
        if ($variable.Parent -is [System.Management.Automation.Language.UsingExpressionAst]) { continue }
        Get-VariableName $path
    }
    @($read | Where-Object { -not $defined.Contains($_) } | Sort-Object -Unique)
}

Export-ModuleMember -Function Get-UnassignedVariable

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The example runner's own parts, on made-up pages and outputs: what counts as an example, its marker and its
    sample output (ExampleExtraction.psm1), and that a differing column, value or line is reported (ExampleOutput.psm1).
#>

BeforeAll {
    # The module too, as every file of the suite imports it: the sandbox's preamble names its commands.
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-TestModule
    Import-Module (Join-Path $PSScriptRoot 'ExampleExtraction.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleOutput.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleSandbox.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ExampleVariables.psm1') -Force

    function New-Page([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        Set-Content -Path $path -Value $Text -Encoding utf8
        $path
    }
}

AfterAll {
    Disconnect-TestSession
}

Describe 'ExampleExtraction' {
    It 'takes the ### Example blocks of a cmdlet page, with the sample output that follows and the marker before' {
        $page = New-Page 'Stop-Thing.md' @'
## SYNTAX
```powershell
Stop-Thing -Id <String>
```
## EXAMPLES

### Example 1: One
```powershell
Stop-Thing -Id 1
```

Some prose; prints `What if: Performing the operation "Stop" on target "1".`

```
Id Status
-- ------
1  Done
```

### Example 2: Two
<!-- example: errors NotFound, Conflict -->
```powershell
Stop-Thing -Id 2
```
## PARAMETERS
```powershell
not an example
```
'@
        $examples = @(Get-DocumentExample -Path $page -Root $TestDrive)

        $examples.Name | Should -Be 'Stop-Thing.md: Example 1: One', 'Stop-Thing.md: Example 2: Two'
        $examples[0].Code | Should -Be 'Stop-Thing -Id 1'
        $examples[0].Output | Should -Match '1  Done'
        $examples[0].WhatIf | Should -Be 'What if: Performing the operation "Stop" on target "1".'
        $examples[1].Output | Should -BeNullOrEmpty
        $examples[1].Markers['errors'] | Should -Be 'NotFound, Conflict'
    }

    It 'takes the indented blocks of an about topic, and a no-run marker with its reason' {
        $page = New-Page 'about_Thing.md' @'
# Thing
## about_Thing

# LONG DESCRIPTION
Text before:

    Get-Thing
    Set-Thing

<!-- example: no-run (starts a server) -->

    thing-server --demo

## Example 1: After a heading
    Stop-Thing -Id 1
'@
        $examples = @(Get-DocumentExample -Path $page -Root $TestDrive)

        $examples.Code | Should -Be "Get-Thing`nSet-Thing", 'thing-server --demo', 'Stop-Thing -Id 1'
        $examples[1].Markers['no-run'] | Should -Be 'starts a server'
        $examples[0].Name | Should -Be 'about_Thing.md: LONG DESCRIPTION (block 1)'
    }

    It 'reads a topic page whose name looks like a command in lower case (name-clashes.md) as a page: every block' {
        $page = New-Page 'name-clashes.md' @'
# Name clashes

```powershell
Get-Job | Stop-Job
```
'@
        $examples = @(Get-MarkdownExample -Path $page -Root $TestDrive)
        $examples | Should -HaveCount 1
        $examples[0].Code | Should -Be 'Get-Job | Stop-Job'
    }

    It 'reads a PS> transcript as code and output, and names README blocks by heading' {
        $page = New-Page 'README.md' @'
## Errors
```powershell
PS> Stop-Thing -Id x
Stop-Thing: Not found.
PS> $Error[0].TargetObject   # x
PS> $Error[0].ErrorDetails   # the server's words
```
```sh
not powershell
```
'@
        $example = Get-DocumentExample -Path $page -Root $TestDrive

        $example.Name | Should -Be 'README.md: Errors'
        $example.Code | Should -Be "Stop-Thing -Id x`n`$Error[0].TargetObject   # x`n`$Error[0].ErrorDetails   # the server's words"
        $example.Output | Should -Be 'Stop-Thing: Not found.'
        $example.Printed | Should -Be 'x'
    }
}

Describe 'ExampleOutput' {
    BeforeAll {
        $sample = @'
System Kind Id      Status          Server            RequestedAt
------ ---- --      ------          ------            -----------
Vcf    Task t-1     CancelRequested sddc.example.org  22/11/2026 14:05:11 +00:00
'@
    }

    It 'accepts the same columns and fixed values, whatever the server and the time' {
        $real = @'
System Kind Id  Status          Server          RequestedAt
------ ---- --  ------          ------          -----------
Vcf    Task t-0 CancelRequested 127.0.0.1:4000  12/04/2026 21:00:00 +00:00
Vcf    Task t-1 CancelRequested 127.0.0.1:4000  12/04/2026 21:00:01 +00:00
'@
        Compare-ExampleOutput -Expected $sample -Actual $real | Should -BeNullOrEmpty
    }

    It 'reports a column the output does not have' {
        $real = "System Kind Id  Status          RequestedAt`n------ ---- --  ------          -----------`nVcf    Task t-1 CancelRequested 12/04/2026"
        Compare-ExampleOutput -Expected $sample -Actual $real | Should -Match 'Columns differ'
    }

    It 'reports a row whose fixed values no output row has' {
        $real = "System Kind Id  Status    Server         RequestedAt`n------ ---- --  ------    ------         -----------`nVcf    Task t-1 Cancelled 127.0.0.1:4000 12/04/2026"
        Compare-ExampleOutput -Expected $sample -Actual $real | Should -Match 'No output row has System=Vcf.*Status=CancelRequested|No output row has .*Status=CancelRequested'
    }

    It 'reads a value wrapped onto the next line as part of the row above' {
        $sample = "System    UserName     Status`n------    --------     ------`nVcf       administrato Ok`n          r@vsphere.lo`n          cal"
        $real = "System    UserName                    Status`n------    --------                    ------`nVcf       administrator@vsphere.local Ok"
        Compare-ExampleOutput -Expected $sample -Actual $real | Should -BeNullOrEmpty
        Compare-ExampleOutput -Expected $sample -Actual ($real -replace 'administrator', 'root') | Should -Match 'UserName=administrator@vsphere.local'
    }

    It 'compares a list by property names and fixed values' {
        $list = "OperationId : 5001`nState       : Completed`nServer      : https://ol.example/"
        Compare-ExampleOutput -Expected $list -Actual "OperationId : 5001`nState       : Completed`nServer      : http://127.0.0.1:1/" | Should -BeNullOrEmpty
        Compare-ExampleOutput -Expected $list -Actual "OperationId : 5001`nState       : Failed`nServer      : http://127.0.0.1:1/" | Should -Match 'No output record'
        Compare-ExampleOutput -Expected $list -Actual "OperationId : 5001`nState       : Completed`nServer      : x`nSession     : y" | Should -Match 'Properties differ'
    }

    It 'finds message lines with addresses and dates masked, and reports a missing one' {
        Compare-ExampleOutput -Expected 'VERBOSE: see https://a.example/x' -Actual 'VERBOSE: see http://127.0.0.1:9/x' | Should -BeNullOrEmpty
        Compare-ExampleOutput -Expected 'VERBOSE: gone (atmWorkflowExecutionEnded)' -Actual 'VERBOSE: gone ()' | Should -Match 'was not in the output'
    }
}

Describe 'ExampleSandbox' {
    It 'replaces each documented address whole, and gives a Stop-Job line with -BaseUri the switch it gets no default for' {
        $code = "Connect -BaseUri https://olc-lab:9340 -Proxy http://proxy.example:3128`nStop-Job -JobId 1 -BaseUri https://api.bigchange.com -Credential `$c"
        $runnable = ConvertTo-RunnableCode -Code $code -BaseUri 'http://127.0.0.1:4000/'
        $runnable | Should -Be "Connect -BaseUri http://127.0.0.1:4000 -Proxy http://127.0.0.1:4000`nStop-Job -JobId 1 -BaseUri http://127.0.0.1:4000 -AllowUnencryptedAuthentication -Credential `$c"
    }

    It 'defines a variable only where the example uses it without assigning it, and connects only the systems it does not' {
        $preamble = Get-ExamplePreamble -Code "`$cred = Get-Credential`nStop-Task -TaskId `$taskId`nConnect-OperationsServer -System Vcf -BaseUri x" -Document 'docs/en-US/Stop-Task.md' -BaseUri 'http://127.0.0.1:4000/' -Workspace $TestDrive
        $preamble | Should -Match "\`$taskId = 'demo-task-done'"
        $preamble | Should -Not -Match '\$cred = New-ExampleCredential'
        $preamble | Should -Not -Match 'System Vcf'
        $preamble | Should -Match 'System OLConnect'
    }
}

Describe 'ExampleVariables' {
    It 'names a variable the example reads but never assigns ($headers in a pasted Invoke-RestMethod line)' {
        Get-UnassignedVariable -Code '$tasks = (Invoke-RestMethod https://x/v1/tasks -Headers $headers).elements; $tasks | Stop-Task' |
            Should -Be 'headers'
    }

    It 'counts every way an example assigns one, and what PowerShell defines itself' {
        $code = @'
$a = 1; [int]$b = 2; $c, $d = 3, 4
foreach ($e in 1..2) { $e }
[int]::TryParse('5', [ref]$f) | Out-Null
Get-Item x -ErrorVariable +g -OutVariable h -ErrorAction SilentlyContinue
Set-Variable -Name i -Value 6
try { throw 'x' } catch { $_.Exception; $PSItem }
$script:k = 7
"$a $b $c $d $f $g $h $i $k $HOME $PSVersionTable $ErrorActionPreference $env:PATH $true $null $Error"
'@
        Get-UnassignedVariable -Code $code | Should -BeNullOrEmpty
    }

    It 'takes what the preamble assigns as known, and nothing else' {
        $preamble = Get-ExamplePreamble -Code 'Stop-Task -TaskId $taskId; $nope' -Document 'docs/en-US/Stop-Task.md' -BaseUri 'http://127.0.0.1:4000/' -Workspace $TestDrive
        Get-UnassignedVariable -Code 'Stop-Task -TaskId $taskId; $nope' -Preamble $preamble | Should -Be 'nope'
    }
}

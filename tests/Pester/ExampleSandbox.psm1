#Requires -Version 5.1
<#
    Runs one documented example as a user would, against the simulator started with --demo (its data set holds
    every ID the docs use), for Examples.Tests.ps1. The substitution is documented in tests/Pester/README.md and is
    all that differs from the text on the page:
    - host names: each address the docs use (Get-ExampleHostMap) becomes the simulator's http address, in the code
      only; -AllowUnencryptedAuthentication is a default parameter value, because the simulator speaks http;
    - secrets: Get-Credential, Get-Secret and Read-Host are stand-ins that answer with the simulator's accounts;
    - context: the variables an example uses without defining them ($cred, $taskId, ...), the files it reads
      (.\jobs.csv, ...) in a fresh working folder, and a default session for each system the example does not
      connect to itself (as after the README's "Connect once per system").
    Each example runs in a fresh runspace with the module imported; sessions are process-wide, so the caller
    disconnects them afterwards.
#>
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot 'ExampleVariables.psm1')

function Get-ExampleHostMap {
    <# Address in the docs -> the simulator (longest first, so that a host is never replaced inside a longer one). #>
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param([Parameter(Mandatory)] [uri] $BaseUri)
    $simulator = $BaseUri.GetLeftPart([System.UriPartial]::Authority)
    $map = [ordered]@{}
    foreach ($address in @(
            'https://olconnect.example.com:9340', 'https://ol.example.com:9340', 'https://olc-lab:9340', 'https://olc:9340',
            'https://oneprovider.example.org', 'https://oneprovider.example',
            'https://sddc-manager.example.com', 'https://sddc-manager.example.org', 'https://sddc.example',
            'https://api.bigchange.com',
            # An http forward proxy: Kestrel serves an absolute-form request line ("GET http://host/path") itself.
            'http://proxy.example:3128'
        )) { $map[$address] = $simulator }
    $map
}

function ConvertTo-RunnableCode {
    <#
        The example's code with the documented addresses replaced (see Get-ExampleHostMap), and the README's
        ./out/OperationsModule (where ./build.ps1 puts the module) replaced by the module under test, which is
        already imported: importing a second copy would fail ("Assembly with same name is already loaded").
    #>
    param([Parameter(Mandatory)] [string] $Code, [Parameter(Mandatory)] [uri] $BaseUri, [string] $ModuleManifest)
    if ($ModuleManifest) { $Code = $Code.Replace('./out/OperationsModule/OperationsModule.psd1', $ModuleManifest) }
    foreach ($entry in (Get-ExampleHostMap $BaseUri).GetEnumerator()) {
        # Not inside a longer host name (olc:9340 vs olc-lab:9340 are both listed whole).
        $Code = [regex]::Replace($Code, [regex]::Escape($entry.Key) + '(?![\w.-])', $entry.Value)
    }
    # Stop-Job gets no default parameter value (see the preamble), so a per-call BigChange address gets the switch.
    [regex]::Replace($Code, '(?m)^(.*\bStop-Job\b[^\r\n#]*-BaseUri\s+\S+)', '$1 -AllowUnencryptedAuthentication')
}

function Get-ExampleSystem {
    <# The system an example's page is about: what Get-Credential answers when the line does not say. #>
    param([Parameter(Mandatory)] [string] $Document)
    switch -Wildcard ($Document) {
        '*Stop-Task.md' { 'Vcf' }
        '*Stop-Job.md' { 'BigChange' }
        '*Stop-WorkflowExecution.md' { 'Onedata' }
        default { 'OLConnect' }
    }
}

function New-SimulatorShim {
    <#
        An `operations-simulator` command that runs the built simulator, as the .NET tool would: the test kit's
        examples start it from PATH or from ./tools/operations-simulator. Returns the folder holding it (Unix only).
    #>
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $SimulatorDll, [Parameter(Mandatory)] [string] $Folder)
    New-Item -ItemType Directory -Path $Folder -Force | Out-Null
    $shim = Join-Path $Folder 'operations-simulator'
    Set-Content -Path $shim -Value "#!/bin/sh`nexec dotnet '$SimulatorDll' `"`$@`"" -NoNewline
    & chmod +x $shim
    $Folder
}

function New-ExampleWorkspace {
    <# A fresh folder with the files the examples read, filled with IDs the simulator's demo data knows. #>
    [OutputType([string])]
    param([string] $ShimFolder)
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('om-example-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    New-Item -ItemType Directory -Path $folder, (Join-Path $folder 'output') | Out-Null
    if ($ShimFolder) { Copy-Item -Path $ShimFolder -Destination (Join-Path $folder 'tools') -Recurse }
    $files = @{
        'jobs.csv'       = "JobId`n101`n102`n103"
        'tasks.csv'      = "TaskId`n7e1c2eee-3177-4e3b-84db-bfebc83f386a`nc4c6a2d1-5b6e-4f0a-9d2e-2f7a3b1e0c55"
        'tasks.txt'      = "demo-task-1`ndemo-task-2"
        'operations.txt' = "4002`nop-1"
        'operations.csv' = "OperationId`n4002`nop-17`nop-99"
        'cancel.csv'     = "JobId,Reason`n1001,Customer rescheduled`n1002,Duplicate booking"
    }
    foreach ($name in $files.Keys) { Set-Content -Path (Join-Path $folder $name) -Value $files[$name] -Encoding utf8 }
    $folder
}

function Get-ExamplePreamble {
    <#
        The script that runs before the example in its runspace. Variables are defined only when the code uses them
        without assigning them first, so an example that defines its own is run exactly as written.
    #>
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] [string] $Document,
        [Parameter(Mandatory)] [uri] $BaseUri,
        [Parameter(Mandatory)] [string] $Workspace,
        # A test kit page: the example gets its own simulator ($sim, $connect) instead of default sessions.
        [switch] $Kit
    )
    $simulator = $BaseUri.GetLeftPart([System.UriPartial]::Authority)
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add("Set-Location -LiteralPath '$Workspace'")
    $lines.Add("`$ExampleSystem = '$(Get-ExampleSystem $Document)'")
    $lines.Add(@'
$ExampleAccounts = @{
    OLConnect = @('ol-admin', 'ol-secret-pass')
    Vcf       = @('administrator@vsphere.local', 'vcf-secret-pass')
    BigChange = @('bc-client', 'bc-secret')
}
$ExampleOnedataToken = 'onedata-good-token'
function Get-ExampleSystemOf([string] $Line) {
    # The system the calling line names (its -System or wording; hosts are already substituted), else the page's.
    if ($Line -match 'BigChange|client') { 'BigChange' }
    elseif ($Line -match 'Vcf|sddc|vsphere') { 'Vcf' }
    elseif ($Line -match 'Onedata|oneprovider|Onezone') { 'Onedata' }
    elseif ($Line -match 'OLConnect|olc|ol\.example|Olc') { 'OLConnect' }
    else { $ExampleSystem }
}
function New-ExampleCredential([string] $System) {
    if ($System -eq 'Onedata') { $System = 'OLConnect' }
    $account = $ExampleAccounts[$System]
    [pscredential]::new($account[0], (ConvertTo-SecureString $account[1] -AsPlainText -Force))
}
# Stand-ins for the prompts and the vault: the simulator's account for the system the line is about.
function Get-Credential { New-ExampleCredential (Get-ExampleSystemOf $MyInvocation.Line) }
function Read-Host([switch] $AsSecureString) {
    if ($AsSecureString) { ConvertTo-SecureString $ExampleOnedataToken -AsPlainText -Force } else { '' }
}
function Get-Secret([Parameter(Position = 0)] [string] $Name, [switch] $AsPlainText) {
    $system = Get-ExampleSystemOf $Name
    if ($system -eq 'Onedata') {
        if ($AsPlainText) { return $ExampleOnedataToken }
        return ConvertTo-SecureString $ExampleOnedataToken -AsPlainText -Force
    }
    New-ExampleCredential $system
}
# The simulator speaks http: every module command may send its secret there. Not Stop-Job: a default for a
# BigChange-only parameter would choose its BigChange set for `Get-Job | Stop-Job` too (ConvertTo-RunnableCode).
$PSDefaultParameterValues = @{}
foreach ($command in (Get-Command -Module OperationsModule).Name -ne 'Stop-Job') { $PSDefaultParameterValues["${command}:AllowUnencryptedAuthentication"] = $true }
'@)

    # Variables the docs use without defining them, with values chosen for what each example shows.
    $variables = [ordered]@{
        cred       = 'New-ExampleCredential $ExampleSystem'
        credential = 'New-ExampleCredential $ExampleSystem'
        client     = "New-ExampleCredential 'BigChange'"
        token      = 'ConvertTo-SecureString $ExampleOnedataToken -AsPlainText -Force'
        olc        = "'$simulator'"
        uri        = "'$simulator'"
        sddc       = "'$simulator'"
        id         = "'no-such-op'"                 # 'stop at the first failure': an operation the server does not know
        wid        = "'demo-exec-finished'"         # 'an execution that has already ended'
        taskId     = "'demo-task-done'"             # 'a task that is no longer in progress'
        taskA      = "'demo-task-1'"
        taskB      = "'demo-task-2'"
        vcfTaskId  = "'demo-task-1'"
        jobId      = '1004'                         # a started BigChange job, which cannot be cancelled (422)
        spaceId    = "'sim-space'"
        j          = "Start-Job -Name nightly { Start-Sleep 600 }"
    }
    foreach ($name in $variables.Keys) {
        $used = $Code -match "\`$$name\b(?!\s*=[^=])"
        $assignedFirst = $Code -match "(?m)^\s*\`$$name\s*=[^=]"
        if ($used -and -not $assignedFirst) { $lines.Add("`$$name = $($variables[$name])") }
    }

    if ($Kit) {
        if ($Code -notmatch 'Start-OperationsSimulator') { $lines.Add('$sim = Start-OperationsSimulator') }
        if ($Code -match '[$@]connect\b' -and $Code -notmatch '(?m)^\s*\$connect\s*=') { $lines.Add('$connect = $sim.ConnectParameters') }
        return $lines -join "`n"
    }

    # A default session per system, unless the example connects that system itself.
    $connect = @{
        OLConnect = "Connect-OperationsServer -System OLConnect -BaseUri '$simulator' -Credential (New-ExampleCredential OLConnect)"
        Onedata   = "Connect-OperationsServer -System Onedata -BaseUri '$simulator' -Token (ConvertTo-SecureString `$ExampleOnedataToken -AsPlainText -Force)"
        Vcf       = "Connect-OperationsServer -System Vcf -BaseUri '$simulator' -Credential (New-ExampleCredential Vcf)"
        BigChange = "Connect-OperationsServer -System BigChange -BaseUri '$simulator' -Credential (New-ExampleCredential BigChange) -CustomerId 4242"
    }
    foreach ($system in $connect.Keys) {
        if ($Code -notmatch "(?<![\w-])Connect-OperationsServer[^\r\n]*-System\s+$system\b") { $lines.Add($connect[$system] + ' | Out-Null') }
    }
    $lines -join "`n"
}

function Invoke-DocExample {
    <#
        Runs the example (preamble, then the substituted code) in a fresh runspace with the module imported, and
        returns what it wrote: Output (objects), Errors, Warnings, Information, and Exception (a terminating error).
    #>
    param(
        [Parameter(Mandatory)] $Example,
        [Parameter(Mandatory)] [uri] $BaseUri,
        [Parameter(Mandatory)] [string] $ModuleManifest,
        # Also imported (the test kit and Pester, for the kit's pages); -ShimFolder holds operations-simulator.
        [string[]] $KitModule,
        [string] $ShimFolder,
        # The caller's host: what the example writes to the host (-WhatIf's lines) is read back from a transcript.
        [System.Management.Automation.Host.PSHost] $HostForTranscript,
        [int] $TimeoutSec = 120
    )
    $kit = [bool]$KitModule
    $workspace = New-ExampleWorkspace -ShimFolder $ShimFolder
    $code = ConvertTo-RunnableCode -Code $Example.Code -BaseUri $BaseUri -ModuleManifest $ModuleManifest
    $preamble = Get-ExamplePreamble -Code $Example.Code -Document $Example.Document -BaseUri $BaseUri -Workspace $workspace -Kit:$kit
    $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $state.ImportPSModule($ModuleManifest)
    foreach ($module in $KitModule) { $state.ImportPSModule($module) }
    $transcript = Join-Path $workspace 'host.txt'
    $runspace = if ($HostForTranscript) { [runspacefactory]::CreateRunspace($HostForTranscript, $state) } else { [runspacefactory]::CreateRunspace($state) }
    $runspace.Open()
    if ($HostForTranscript) { $preamble = "Start-Transcript -LiteralPath '$transcript' -UseMinimalHeader | Out-Null`n" + $preamble }
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    $exception = $null
    $output = @()
    try {
        # Preamble and code are separate scripts in one scope, so the code's line numbers are its own.
        $shell.AddScript($preamble, $false).AddStatement().AddScript($code, $false) | Out-Null
        $async = $shell.BeginInvoke()
        if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSec))) {
            $shell.Stop()
            throw "The example did not finish within $TimeoutSec s."
        }
        try { $output = @($shell.EndInvoke($async)) }
        catch { $exception = if ($_.Exception.InnerException) { $_.Exception.InnerException } else { $_.Exception } }
        $stop = [powershell]::Create()
        $stop.Runspace = $runspace
        try { $stop.AddScript('Stop-Transcript').Invoke() | Out-Null } catch { } finally { $stop.Dispose() }
        $hostLines = if (Test-Path -LiteralPath $transcript) { @(Get-Content -LiteralPath $transcript) } else { @() }
        [pscustomobject]@{
            Code        = $code
            Output      = $output
            Errors      = @($shell.Streams.Error)
            Warnings    = @($shell.Streams.Warning | ForEach-Object Message)
            Verbose     = @($shell.Streams.Verbose | ForEach-Object Message)
            WhatIf      = @($hostLines -match '^What if: ')
            Information = @($shell.Streams.Information | ForEach-Object { "$($_.MessageData)" })
            Exception   = $exception
            Workspace   = $workspace
            # Read but never assigned, by the example or the preamble: $null here, undefined for a reader.
            Unassigned  = @(Get-UnassignedVariable -Code $Example.Code -Preamble $preamble)
        }
    }
    finally {
        # Background jobs an example started (Start-Job) belong to its runspace; they go with it.
        $cleanup = [powershell]::Create()
        $cleanup.Runspace = $runspace
        $cleanup.AddScript('Get-Job | Remove-Job -Force; if ((Get-Variable sim -ValueOnly -ErrorAction Ignore) -and (Get-Command Stop-OperationsSimulator -ErrorAction Ignore)) { $sim | Stop-OperationsSimulator }') | Out-Null
        try { $cleanup.Invoke() | Out-Null } catch { }
        $cleanup.Dispose()
        $shell.Dispose()
        $runspace.Dispose()
        Remove-Item -LiteralPath $workspace -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Get-ExampleHostMap, ConvertTo-RunnableCode, Get-ExampleSystem, New-SimulatorShim, New-ExampleWorkspace, Get-ExamplePreamble, Invoke-DocExample

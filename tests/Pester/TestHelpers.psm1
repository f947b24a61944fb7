#Requires -Version 5.1
<#
    Shared by every *.Tests.ps1 in the Pester suite, the one way they find the built module and the simulator
    ($env:OPERATIONSMODULE_PATH / $env:OPERATIONSMODULE_SIMULATOR, which Invoke-PesterSuite.ps1 sets from
    -ModulePath / -SimulatorPath), start and stop the simulator as a process, use its /_sim control endpoints
    (seed, faults, reset, request journal) and leave no default session behind for the next file.
    Works on Windows PowerShell 5.1 and PowerShell 7.

    Usage in a test file (Pester 5: everything at run time, inside BeforeAll/AfterAll, never in the Describe body):
        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
            $script:Module = Import-TestModule
            $script:Sim = Start-TestSimulator
        }
        AfterAll {
            Disconnect-TestSession
            Stop-TestSimulator $script:Sim
        }
#>
Set-StrictMode -Version 3.0

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-TestModulePath {
    <# The folder holding OperationsModule.psd1: $env:OPERATIONSMODULE_PATH, else out/OperationsModule (built by ./build.ps1). #>
    [OutputType([string])]
    param()
    $path = if ($env:OPERATIONSMODULE_PATH) { $env:OPERATIONSMODULE_PATH } else { Join-Path $script:RepoRoot 'out/OperationsModule' }
    if (-not (Test-Path (Join-Path $path 'OperationsModule.psd1'))) {
        throw "OperationsModule.psd1 not found in '$path'. Run ./build.ps1 first, or set `$env:OPERATIONSMODULE_PATH."
    }
    (Resolve-Path $path).Path
}

function Get-TestSimulatorPath {
    <# OperationsModule.Simulator.dll: $env:OPERATIONSMODULE_SIMULATOR, else the newest Release or Debug build. #>
    [OutputType([string])]
    param()
    if ($env:OPERATIONSMODULE_SIMULATOR) { return (Resolve-Path $env:OPERATIONSMODULE_SIMULATOR).Path }
    $candidates = foreach ($configuration in 'Release', 'Debug') {
        $dll = Join-Path $script:RepoRoot "src/OperationsModule.Simulator/bin/$configuration/net10.0/OperationsModule.Simulator.dll"
        if (Test-Path $dll) { Get-Item $dll }
    }
    $newest = $candidates | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $newest) { throw 'OperationsModule.Simulator.dll not found: build the solution, or set $env:OPERATIONSMODULE_SIMULATOR.' }
    $newest.FullName
}

function Import-TestModule {
    <#
        Imports the built module (not an installed copy) and returns its PSModuleInfo. -Global: imported from
        inside this helper module, it would otherwise land in this module's scope, unseen by the test files.
    #>
    [OutputType([System.Management.Automation.PSModuleInfo])]
    param()
    Import-Module (Join-Path (Get-TestModulePath) 'OperationsModule.psd1') -Global -Force -PassThru -ErrorAction Stop
}

function Start-TestSimulator {
    <#
        Runs `dotnet <simulator dll> --urls http://127.0.0.1:0 --seed 1 --exit-on-stdin-close` and reads its first
        stdout line, {"baseUri":...,"pid":...}. Returns BaseUri, Process and Pid. --exit-on-stdin-close: the simulator
        exits when its stdin (held by this process) closes, so a test run that dies leaves none behind.
    #>
    [CmdletBinding()]
    param(
        [string] $Path = (Get-TestSimulatorPath),
        [int] $Seed = 1,
        [switch] $Demo,
        [int] $StartTimeoutSec = 60
    )
    $arguments = '"{0}" --urls http://127.0.0.1:0 --seed {1} --exit-on-stdin-close' -f $Path, $Seed
    if ($Demo) { $arguments += ' --demo' }
    $start = New-Object System.Diagnostics.ProcessStartInfo
    $start.FileName = 'dotnet'
    $start.Arguments = $arguments
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.CreateNoWindow = $true
    $process = [System.Diagnostics.Process]::Start($start)
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($StartTimeoutSec)) -or -not $firstLine.Result) {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The simulator did not announce its address within $StartTimeoutSec s (dotnet $arguments)."
    }
    $announced = $firstLine.Result | ConvertFrom-Json
    [pscustomobject]@{
        PSTypeName = 'OperationsModule.TestSimulator'
        BaseUri    = [uri]$announced.baseUri
        Pid        = $announced.pid
        Process    = $process
    }
}

function Stop-TestSimulator {
    <# Closes the simulator's stdin (its signal to exit under --exit-on-stdin-close), then kills it if it lingers. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [AllowNull()] $Simulator)
    process {
        if (-not $Simulator -or -not $Simulator.Process) { return }
        $process = $Simulator.Process
        if (-not $process.HasExited) {
            try { $process.StandardInput.Close() } catch { }
            if (-not $process.WaitForExit(10000)) { $process.Kill(); $process.WaitForExit(5000) | Out-Null }
        }
        $process.Dispose()
    }
}

function Invoke-SimulatorControl {
    <# POST/GET/DELETE on /_sim/...; bodies are hashtables sent as JSON. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [string] $Path,
        [ValidateSet('Get', 'Post', 'Delete')] [string] $Method = 'Post',
        [object] $Body
    )
    $parameters = @{ Uri = [uri]::new($Simulator.BaseUri, "_sim/$Path"); Method = $Method; UseBasicParsing = $true }
    if ($null -ne $Body) { $parameters.Body = ConvertTo-Json $Body -Depth 6 -Compress; $parameters.ContentType = 'application/json' }
    Invoke-RestMethod @parameters
}

function Reset-TestSimulator {
    <# Default state, no faults, empty request journal. #>
    param([Parameter(Mandatory)] $Simulator)
    Invoke-SimulatorControl -Simulator $Simulator -Path 'reset' | Out-Null
}

function Add-SimulatorOperation {
    <# Seeds OL Connect operations, e.g. Add-SimulatorOperation $sim 'op-1' -Progress 75. #>
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string[]] $Id, [int] $Progress = 0)
    $operations = @($Id | ForEach-Object { @{ id = $_; progress = $Progress } })
    Invoke-SimulatorControl -Simulator $Simulator -Path 'seed/olconnect' -Body @{ operations = $operations } | Out-Null
}

function Import-PowerCliStandIn {
    <#
        Compiles StandIns/VMware.VimAutomation.Common.cs into a binary module of PowerCLI's name (a Stop-Task cmdlet and
        a task type in PowerCLI's namespace) and imports it globally; returns the module. A cmdlet, as PowerCLI's is: a
        function of that name would win over every cmdlet. Import-TestModule afterwards, so ours wins the short name.
    #>
    [OutputType([System.Management.Automation.PSModuleInfo])]
    param()
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('om-powercli-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    $dll = Join-Path $folder 'VMware.VimAutomation.Common.dll'
    Add-Type -TypeDefinition (Get-Content -Raw (Join-Path $PSScriptRoot 'StandIns/VMware.VimAutomation.Common.cs')) -OutputAssembly $dll -OutputType Library
    Import-Module $dll -Global -PassThru -ErrorAction Stop
}

function Add-SimulatorSeed {
    <# Seeds any system through /_sim/seed/<system>, e.g. Add-SimulatorSeed $sim vcf @{ tasks = @(@{ id = 't-1'; status = 'SUCCESSFUL' }) }. #>
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [ValidateSet('olconnect', 'onedata', 'vcf', 'bigchange')] [string] $System,
        [Parameter(Mandatory)] [hashtable] $Body
    )
    Invoke-SimulatorControl -Simulator $Simulator -Path "seed/$System" -Body $Body | Out-Null
}

function Add-SimulatorFault {
    <# e.g. Add-SimulatorFault $sim -Method POST -PathPattern 'cancel' -Status 500 -Times 1. #>
    param(
        [Parameter(Mandatory)] $Simulator,
        [string] $Method,
        [string] $PathPattern,
        [int] $Status = 500,
        [string] $Body,
        [string] $ContentType,
        [string] $Kind = 'status',
        [int] $Times
    )
    $action = @{ kind = $Kind; status = $Status }
    if ($Body) { $action.body = $Body }
    if ($ContentType) { $action.contentType = $ContentType }
    $rule = @{ action = $action }
    if ($Method) { $rule.method = $Method }
    if ($PathPattern) { $rule.path = $PathPattern }
    if ($Times) { $rule.times = $Times }
    Invoke-SimulatorControl -Simulator $Simulator -Path 'faults' -Body $rule | Out-Null
}

function Get-SimulatorRequest {
    <# The requests the simulator received since the last reset (secrets masked), as "METHOD path" strings. #>
    param([Parameter(Mandatory)] $Simulator)
    # Windows PowerShell writes a JSON array as one object; foreach enumerates it on both editions.
    $requests = Invoke-SimulatorControl -Simulator $Simulator -Path 'requests' -Method Get
    foreach ($request in $requests) { '{0} {1}' -f $request.method, $request.path }
}

function Get-SimulatorJournal {
    <# The recorded requests as objects (method, path, query, headers, body; secrets masked), one per pipeline item. #>
    param([Parameter(Mandatory)] $Simulator)
    # foreach, not a pipe: Windows PowerShell would pass the whole JSON array to Where-Object as one object.
    $requests = Invoke-SimulatorControl -Simulator $Simulator -Path 'requests' -Method Get
    foreach ($request in $requests) { $request }
}

function Get-SimulatorStatus {
    <# The simulator's own view of an item: e.g. 'cancelled', 'done', '50%' for OL Connect operations. #>
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $System, [Parameter(Mandatory)] [string] $Id)
    (Invoke-SimulatorControl -Simulator $Simulator -Path "status/$System/$([uri]::EscapeDataString($Id))" -Method Get).status
}

function ConvertTo-TestSecret {
    <# A SecureString for a test token (the module takes secrets only as SecureString or PSCredential). #>
    [OutputType([securestring])]
    param([Parameter(Mandatory)] [string] $Text)
    ConvertTo-SecureString $Text -AsPlainText -Force
}

function New-TestCredential {
    <#
        The simulator's default accounts: OL Connect admin, a viewer who gets 403 on writes, or a wrong password;
        the VCF administrator (or a wrong password); the BigChange client (client_id / client_secret).
    #>
    param([ValidateSet('Admin', 'Viewer', 'Wrong', 'Vcf', 'VcfWrong', 'BigChange')] [string] $As = 'Admin')
    $pair = switch ($As) {
        'Admin' { 'ol-admin', 'ol-secret-pass' }
        'Viewer' { 'ol-viewer', 'ol-viewer-pass' }
        'Wrong' { 'ol-admin', 'not-the-password' }
        'Vcf' { 'administrator@vsphere.local', 'vcf-secret-pass' }
        'VcfWrong' { 'administrator@vsphere.local', 'not-the-password' }
        'BigChange' { 'bc-client', 'bc-secret' }
    }
    New-Object System.Management.Automation.PSCredential ($pair[0], (ConvertTo-TestSecret $pair[1]))
}

function Get-WhatIfText {
    <#
        Runs a command and returns the "What if:" lines it printed. ShouldProcess writes them to the host, not to
        any stream that 6>&1 or *>&1 redirects, so they are read back from a transcript, as a user would see them.
    #>
    [OutputType([string])]
    param([Parameter(Mandatory)] [scriptblock] $Command)
    $file = [System.IO.Path]::GetTempFileName()
    try {
        Start-Transcript -Path $file -UseMinimalHeader | Out-Null
        try { & $Command | Out-Null } finally { Stop-Transcript | Out-Null }
        (Get-Content $file) -match '^What if: '
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
}

function Disconnect-TestSession {
    <#
        Closes every default session. They live in the module's (static) session store, which outlives
        Import-Module -Force and Pester's per-file scopes, so each file starts and ends without any.
    #>
    if (Get-Command Disconnect-OperationsServer -Module OperationsModule -ErrorAction SilentlyContinue) {
        Disconnect-OperationsServer -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
    }
}

Export-ModuleMember -Function Get-TestModulePath, Get-TestSimulatorPath, Import-TestModule, Import-PowerCliStandIn, Start-TestSimulator, Stop-TestSimulator,
    Invoke-SimulatorControl, Reset-TestSimulator, Add-SimulatorOperation, Add-SimulatorSeed, Add-SimulatorFault, Get-SimulatorRequest,
    Get-SimulatorJournal, Get-SimulatorStatus, ConvertTo-TestSecret, New-TestCredential, Get-WhatIfText, Disconnect-TestSession

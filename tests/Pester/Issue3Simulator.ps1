# Shared by StopWorkflowExecution/StopTask/StopJob.Tests.ps1 until tests/Pester/TestHelpers.psm1 exists:
# imports the built module and starts the simulator as a process on a free loopback port.
# Paths: $env:OPERATIONSMODULE_MODULE_PATH and $env:OPERATIONSMODULE_SIMULATOR_PATH, else the repo's build output.

$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-Issue3ModulePath {
    if ($env:OPERATIONSMODULE_MODULE_PATH) { return $env:OPERATIONSMODULE_MODULE_PATH }
    return (Join-Path $repoRoot 'out/OperationsModule/OperationsModule.psd1')
}

function Start-Issue3Simulator {
    $dll = $env:OPERATIONSMODULE_SIMULATOR_PATH
    if (-not $dll) {
        $dll = Join-Path $repoRoot 'src/OperationsModule.Simulator/bin/Debug/net10.0/OperationsModule.Simulator.dll'
    }
    $startInfo = New-Object System.Diagnostics.ProcessStartInfo 'dotnet'
    $startInfo.Arguments = '"{0}" --urls http://127.0.0.1:0' -f $dll
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardInput = $true   # closing stdin asks the simulator to exit
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $ready = $process.StandardOutput.ReadLine() | ConvertFrom-Json
    [pscustomobject]@{ Process = $process; BaseUri = $ready.baseUri.TrimEnd('/') }
}

function Stop-Issue3Simulator($Simulator) {
    if (-not $Simulator) { return }
    $Simulator.Process.StandardInput.Close()
    if (-not $Simulator.Process.WaitForExit(10000)) { $Simulator.Process.Kill() }
}

function Invoke-Issue3Sim($Simulator, [string] $Method, [string] $Path, $Body) {
    $parameters = @{ Method = $Method; Uri = $Simulator.BaseUri + $Path }
    if ($null -ne $Body) {
        $parameters.Body = ($Body | ConvertTo-Json -Depth 5)
        $parameters.ContentType = 'application/json'
    }
    Invoke-RestMethod @parameters
}

function Get-Issue3SimStatus($Simulator, [string] $System, [string] $Id) {
    (Invoke-Issue3Sim $Simulator GET "/_sim/status/$System/$Id").status
}

function ConvertTo-Issue3Secret([string] $Text) {
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

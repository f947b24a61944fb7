function Resolve-SimulatorCommand {
    <#
        How to run the simulator: -Path (the tool's executable, or OperationsModule.Simulator.dll run with dotnet),
        else `operations-simulator` on PATH (dotnet tool install --global or --tool-path), else a local tool manifest
        (.config/dotnet-tools.json, or dotnet-tools.json, in this folder or a parent) that lists it.
        Returns the file to start and the arguments that precede the simulator's own.
    #>
    [OutputType([hashtable])]
    param([string] $Path)

    if ($Path) {
        if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
            throw [System.ArgumentException]::new("-Path '$Path' is not a file: give the operations-simulator executable or OperationsModule.Simulator.dll.", 'Path')
        }
        $full = (Resolve-Path -LiteralPath $Path).ProviderPath
        if ($full -like '*.dll') { return @{ FileName = 'dotnet'; Prefix = @($full); Source = $full } }
        return @{ FileName = $full; Prefix = @(); Source = $full }
    }

    $onPath = Get-Command operations-simulator -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { return @{ FileName = $onPath.Source; Prefix = @(); Source = $onPath.Source } }

    for ($dir = Get-Item -LiteralPath (Get-Location).ProviderPath; $dir; $dir = $dir.Parent) {
        foreach ($manifest in (Join-Path $dir.FullName '.config/dotnet-tools.json'), (Join-Path $dir.FullName 'dotnet-tools.json')) {
            if ((Test-Path -LiteralPath $manifest) -and (Get-Content -LiteralPath $manifest -Raw) -match '"operations-simulator"') {
                return @{ FileName = 'dotnet'; Prefix = @('tool', 'run', 'operations-simulator', '--'); Source = $manifest; WorkingDirectory = $dir.FullName }
            }
        }
    }

    # Installed globally but not on PATH (a new shell's profile not read yet, a service account): say which folder to add.
    $toolsFolder = Join-Path $HOME '.dotnet' 'tools'
    $installed = @(Get-ChildItem -LiteralPath $toolsFolder -Filter 'operations-simulator*' -File -ErrorAction Ignore | Where-Object { $_.BaseName -eq 'operations-simulator' })
    if ($installed.Count -gt 0) {
        $separator = [System.IO.Path]::PathSeparator
        $add = if ($IsWindows) { "`$env:PATH = '$toolsFolder$separator' + `$env:PATH" } else { "`$env:PATH = '$toolsFolder$separator' + `$env:PATH   (or in the shell: export PATH=`"`$PATH:$toolsFolder`")" }
        throw [System.Management.Automation.ItemNotFoundException]::new(
            "The operations-simulator tool is installed ($($installed[0].FullName)) but its folder is not on PATH. Add it: $add; or give -Path '$($installed[0].FullName)'.")
    }
    throw [System.Management.Automation.ItemNotFoundException]::new(
        "The operations-simulator tool was not found on PATH, in $toolsFolder or in a local tool manifest. Install it with 'dotnet tool install --global OperationsModule.Simulator' (or --tool-path, or a local manifest), or give -Path.")
}

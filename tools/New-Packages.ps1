#Requires -Version 7.4
<#
.SYNOPSIS
    Writes the three packages into -OutputPath: OperationsModule.<version>.nupkg and OperationsModule.Testing.<version>.nupkg
    (PowerShell modules, as Install-PSResource installs them) and OperationsModule.Simulator.<version>.nupkg (the
    operations-simulator .NET tool).
.DESCRIPTION
    The version comes from one place, ModuleVersion in the repository's OperationsModule.psd1: the test kit's manifest
    and the tool package are stamped with it. The kit gets its MAML help (en-US/OperationsModule.Testing-help.xml),
    converted from docs/OperationsModule.Testing/en-US by tools/OperationsModule.ModuleBuilder (built by ./build.ps1). Both manifests get the CHANGELOG.md section of that version as their
    ReleaseNotes, and both module packages carry the LICENSE file. The modules are packed with PSResourceGet's
    Compress-PSResource (in PowerShell 7.4+); the tool with `dotnet pack -p:ToolPackage=true`, built for net8.0 and
    net10.0 in -ArtifactsPath, apart from the repository's own bin/ and obj/ so a pack never disturbs a running build.
.EXAMPLE
    ./tools/New-Packages.ps1 -ModulePath out/OperationsModule -OutputPath out/packages
#>
[CmdletBinding()]
param(
    # The assembled module folder (out/OperationsModule, written by ./build.ps1).
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    # Where dotnet pack builds the tool; a fresh temporary folder when not given.
    [string] $ArtifactsPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = Split-Path $PSScriptRoot

$version = (Import-PowerShellDataFile (Join-Path $root 'OperationsModule.psd1')).ModuleVersion
$built = (Import-PowerShellDataFile (Join-Path $ModulePath 'OperationsModule.psd1')).ModuleVersion
if ($built -ne $version) { throw "The module in '$ModulePath' is version $built, the repository's manifest says ${version}: build again first." }

function Get-ReleaseNotes {
    # The lines under '## <version>' in CHANGELOG.md, up to the next '## ' heading.
    $lines = Get-Content (Join-Path $root 'CHANGELOG.md')
    $start = [array]::IndexOf($lines, "## $version")
    if ($start -lt 0) { throw "CHANGELOG.md has no '## $version' section: add one before packaging $version." }
    $section = $lines[($start + 1)..($lines.Count - 1)]
    $end = @(0..($section.Count - 1) | Where-Object { $section[$_] -like '## *' } | Select-Object -First 1)
    if ($end) { $section = $section[0..($end[0] - 1)] }
    ($section -join "`n").Trim()
}

function Set-ManifestField {
    # Rewrites one "Name = '...'" line of a staged manifest; the value is quoted as a PowerShell single-quoted string.
    param([string] $Manifest, [string] $Name, [string] $Value)
    $text = Get-Content $Manifest -Raw
    $pattern = [regex]::new("(?m)^(\s*$Name\s*=\s*)'[^']*'")
    if (-not $pattern.IsMatch($text)) { throw "$Manifest has no $Name = '...' line to stamp." }
    $quoted = "'" + $Value.Replace("'", "''") + "'"
    Set-Content $Manifest -Value $pattern.Replace($text, { param($m) $m.Groups[1].Value + $quoted }, 1) -NoNewline
}

$staging = Join-Path ([IO.Path]::GetTempPath()) "om-packages-$([guid]::NewGuid().ToString('N'))"
try {
    $notes = Get-ReleaseNotes
    $stagedModule = Join-Path $staging 'OperationsModule'
    $stagedKit = Join-Path $staging 'OperationsModule.Testing'
    Copy-Item $ModulePath $stagedModule -Recurse
    Copy-Item (Join-Path $root 'src/OperationsModule.Testing') $stagedKit -Recurse
    # The kit's MAML help, converted from docs/OperationsModule.Testing/en-US by the builder that writes the module's.
    $builder = Join-Path $root "tools/OperationsModule.ModuleBuilder/bin/$Configuration/net10.0/OperationsModule.ModuleBuilder.dll"
    if (-not (Test-Path $builder)) { throw "The module builder is not built ($builder): run ./build.ps1 -Configuration $Configuration first." }
    & dotnet $builder --docs (Join-Path $root 'docs/OperationsModule.Testing/en-US') --out $stagedKit | Write-Host
    if ($LASTEXITCODE -ne 0) { throw "Converting the test kit's help failed with exit code $LASTEXITCODE." }
    foreach ($folder in $stagedModule, $stagedKit) {
        Copy-Item (Join-Path $root 'LICENSE') $folder
        $manifest = Join-Path $folder "$(Split-Path $folder -Leaf).psd1"
        Set-ManifestField $manifest 'ReleaseNotes' $notes
    }
    Set-ManifestField (Join-Path $stagedKit 'OperationsModule.Testing.psd1') 'ModuleVersion' $version

    New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
    foreach ($folder in $stagedModule, $stagedKit) {
        $name = Split-Path $folder -Leaf
        $null = Test-ModuleManifest (Join-Path $folder "$name.psd1")
        Remove-Item (Join-Path $OutputPath "$name.$version.nupkg") -ErrorAction SilentlyContinue
        Compress-PSResource -Path $folder -DestinationPath $OutputPath
        if (-not (Test-Path (Join-Path $OutputPath "$name.$version.nupkg"))) { throw "Compress-PSResource wrote no $name.$version.nupkg into $OutputPath." }
    }

    if (-not $ArtifactsPath) { $ArtifactsPath = Join-Path $staging 'simulator' }
    & dotnet pack (Join-Path $root 'src/OperationsModule.Simulator/OperationsModule.Simulator.csproj') -c $Configuration --nologo `
        -p:ToolPackage=true -p:Version=$version --artifacts-path $ArtifactsPath -o $OutputPath
    if ($LASTEXITCODE -ne 0) { throw "dotnet pack of the simulator failed with exit code $LASTEXITCODE." }

    foreach ($name in 'OperationsModule', 'OperationsModule.Testing', 'OperationsModule.Simulator') {
        $package = Get-Item (Join-Path $OutputPath "$name.$version.nupkg")
        [pscustomobject]@{ Package = $package.Name; SizeKB = [math]::Round($package.Length / 1KB); Path = $package.FullName }
    }
}
finally {
    Remove-Item $staging -Recurse -Force -ErrorAction SilentlyContinue
}

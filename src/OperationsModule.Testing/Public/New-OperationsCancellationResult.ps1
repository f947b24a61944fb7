function New-OperationsCancellationResult {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    [OutputType('OperationsModule.Core.Models.CancellationResult')]
    param(
        [Parameter(Mandatory)] [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [Parameter(Mandatory, ValueFromPipeline)] [ValidateNotNullOrEmpty()] [string[]] $Id,
        [ValidateNotNullOrEmpty()] [string] $Status = 'CancelRequested',
        [ValidateRange(100, 599)] [int] $StatusCode,
        [ValidateNotNull()] [uri] $Server = 'https://server.example/',
        [string] $Reason,
        [datetimeoffset] $RequestedAt = [datetimeoffset]::Now
    )
    begin {
        Import-OperationsModuleType 'OperationsModule.Core.Models.CancellationResult'
        $cancel = $script:SystemCancel[$System]
        $code = if ($PSBoundParameters.ContainsKey('StatusCode')) { $StatusCode } else { $cancel.StatusCode }
        if (-not $Server.IsAbsoluteUri) { throw [System.ArgumentException]::new("-Server '$Server' is not an absolute address.", 'Server') }
    }
    process {
        foreach ($item in $Id) {
            [OperationsModule.Core.Models.CancellationResult]::new(
                [OperationsModule.Core.Models.OperationsSystem]$System, $cancel.Kind, $item, $Status, $code, $Server,
                $(if ($Reason) { $Reason } else { $null }), $RequestedAt, $null)
        }
    }
}

function New-OperationsErrorRecord {
    # .ExternalHelp OperationsModule.Testing-help.xml
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory)] [ValidateNotNullOrEmpty()] [string] $Reason,
        [Parameter(Mandatory)] [AllowNull()] [object] $TargetObject,
        [ValidateSet('OLConnect', 'Onedata', 'Vcf', 'BigChange')] [string] $System,
        [ValidateRange(100, 599)] [int] $StatusCode,
        [ValidateNotNullOrEmpty()] [string] $Message,
        [System.Management.Automation.ErrorCategory] $Category,
        [string] $RecommendedAction
    )
    if (-not $script:ErrorReasons.ContainsKey($Reason)) {
        throw [System.ArgumentException]::new("-Reason '$Reason' is not a reason the module writes; use one of: $(($script:ErrorReasons.Keys | Sort-Object) -join ', ').", 'Reason')
    }
    Import-OperationsModuleType 'OperationsModule.Core.Errors.OperationsApiException'
    $defaults = $script:ErrorReasons[$Reason]
    $categoryName = if ($PSBoundParameters.ContainsKey('Category')) { "$Category" } else { $defaults[0] }
    $text = if ($Message) { $Message } else { "$Reason (a mocked OperationsModule error)." }

    $exception = [OperationsModule.Core.Errors.OperationsApiException]::new($text, $Reason, $categoryName)
    $code = if ($PSBoundParameters.ContainsKey('StatusCode')) { $StatusCode } else { $defaults[1] }
    if ($null -ne $code) { $exception.StatusCode = [int]$code }
    if ($RecommendedAction) { $exception.RecommendedAction = $RecommendedAction }
    # As the module's own: "<reason>,OperationsModule.Cmdlets.<command>" when the system (hence the command) is known.
    $errorId = if ($System) { "$Reason,OperationsModule.Cmdlets.$($script:SystemCancel[$System].Command)" } else { $Reason }
    $record = [System.Management.Automation.ErrorRecord]::new($exception, $errorId, [System.Management.Automation.ErrorCategory]$categoryName, $TargetObject)
    $record.ErrorDetails = [System.Management.Automation.ErrorDetails]::new($text)
    if ($RecommendedAction) { $record.ErrorDetails.RecommendedAction = $RecommendedAction }
    $record
}

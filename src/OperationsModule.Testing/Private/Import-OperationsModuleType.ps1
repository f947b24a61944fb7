function Import-OperationsModuleType {
    <# The mock helpers build OperationsModule's own types: make sure its assembly is loaded. #>
    param([Parameter(Mandatory)] [string] $TypeName)
    if ($TypeName -as [type]) { return }
    Import-Module OperationsModule -ErrorAction Stop
    if (-not ($TypeName -as [type])) { throw [System.InvalidOperationException]::new("OperationsModule is loaded but has no type ${TypeName}: update OperationsModule.") }
}

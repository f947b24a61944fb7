# The category and status the module gives each reason (the reasons table of docs/errors.md), for New-OperationsErrorRecord.
$script:ErrorReasons = @{
    InvalidRequest                   = @('InvalidArgument', 400)
    Unauthorized                     = @('AuthenticationError', 401)
    Forbidden                        = @('PermissionDenied', 403)
    NotFound                         = @('ObjectNotFound', 404)
    Conflict                         = @('ResourceBusy', 409)
    ValidationFailed                 = @('InvalidData', 422)
    RateLimited                      = @('LimitsExceeded', 429)
    ServerError                      = @('InvalidResult', 500)
    ServiceUnavailable               = @('ResourceUnavailable', 503)
    Timeout                          = @('OperationTimeout', $null)
    ConnectionFailed                 = @('ConnectionError', $null)
    InvalidParameter                 = @('InvalidArgument', $null)
    WaitTimedOut                     = @('OperationTimeout', $null)
    UnencryptedAuthenticationRefused = @('SecurityError', $null)
    CertificateRejected              = @('SecurityError', $null)
    NoSession                        = @('InvalidOperation', $null)
    OutFileFailed                    = @('WriteError', $null)
    UnexpectedStatus                 = @('InvalidResult', $null)
    UnexpectedResponse               = @('InvalidResult', $null)
    UnexpectedRedirect               = @('InvalidResult', $null)
}

# The command and item kind of each system's cancel, as the module's records and results name them.
$script:SystemCancel = @{
    OLConnect = @{ Command = 'StopOutputCreationCommand'; Kind = 'OutputCreationOperation'; StatusCode = 204 }
    Onedata   = @{ Command = 'StopWorkflowExecutionCommand'; Kind = 'WorkflowExecution'; StatusCode = 204 }
    Vcf       = @{ Command = 'StopTaskCommand'; Kind = 'Task'; StatusCode = 200 }
    BigChange = @{ Command = 'StopJobCommand'; Kind = 'Job'; StatusCode = 204 }
}

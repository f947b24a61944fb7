namespace OperationsModule.Core.Http.Runtime
{
    /// <summary>Who decides whether a server certificate is trusted.</summary>
    internal enum CertificateValidation
    {
        /// <summary>The handler's own validation (.NET: no process-wide hook can switch it off).</summary>
        RuntimeDefault,

        /// <summary>
        /// The module's callback accepts a certificate only when the platform found no policy error. Needed on .NET Framework,
        /// where a handler without a callback defers to ServicePointManager.ServerCertificateValidationCallback, which any
        /// script in the process may have set to accept everything.
        /// </summary>
        ModuleCallback,

        /// <summary>-SkipCertificateCheck: every certificate is accepted, for this handler only.</summary>
        AcceptAny,
    }
}

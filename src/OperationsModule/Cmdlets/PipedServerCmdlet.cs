using System;
using System.Management.Automation;

namespace OperationsModule.Cmdlets
{
    /// <summary>
    /// The cmdlets that handle piped items one by one (Stop-*, Wait-OutputCreation, Get-OutputCreationResult):
    /// -BaseUri also binds from a piped object's Server (or BaseUri) property, so that a typed -Credential or
    /// -Token is enough for objects that name their server. A typed -BaseUri wins over every piped one.
    /// </summary>
    public abstract class PipedServerCmdlet : OperationsCmdletBase
    {
        private bool _baseUriTyped;

        /// <summary>An unbound ID still makes one record: Core refuses it with an error naming the parameter.</summary>
        protected static readonly string?[] NoIds = { null };

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Server", "Uri")]
        [ValidateNotNull]
        public override Uri? BaseUri { get; set; }

        /// <summary>The server named by the current piped object, when -BaseUri was not typed.</summary>
        protected Uri? PipedServer => _baseUriTyped ? null : BaseUri;

        /// <summary>Call in BeginProcessing, when only typed parameters are bound.</summary>
        protected void NoteTypedBaseUri() => _baseUriTyped = MyInvocation.BoundParameters.ContainsKey(nameof(BaseUri));
    }
}

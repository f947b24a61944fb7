using System;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Models;
using OperationsModule.Core.Sessions;
using OperationsModule.Core.Validation;

namespace OperationsModule.Core.Commands
{
    /// <summary>What every system's cancel endpoint has in common; a system states its facts and builds its request.</summary>
    internal abstract class CancelEndpoint : ICancelEndpoint
    {
        private readonly int[] _successStatuses;

        protected CancelEndpoint(OperationsSystem system, string kind, string idParameterName, IErrorBodyParser errorParser, params int[] successStatuses)
        {
            System = system;
            Kind = kind;
            IdParameterName = idParameterName;
            ErrorParser = errorParser;
            _successStatuses = successStatuses;
        }

        public OperationsSystem System { get; }

        public string Kind { get; }

        public string IdParameterName { get; }

        public IErrorBodyParser ErrorParser { get; }

        /// <summary>Opaque string IDs by default; systems with numeric IDs override.</summary>
        public virtual string ValidateId(string? raw) => IdValidator.Validate(IdParameterName, raw);

        public abstract ApiRequest BuildRequest(OperationsSession session, string id, CancelArguments arguments);

        public bool IsSuccess(int statusCode) => Array.IndexOf(_successStatuses, statusCode) >= 0;
    }
}

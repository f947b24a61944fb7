using System;
using System.Text.Json;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Http;
using OperationsModule.Core.Listing;
using OperationsModule.Core.Models;

namespace OperationsModule.Core.Waiting
{
    /// <summary>
    /// A state read whose answer is a JSON object with a "status" field (VCF tasks, Onedata executions): the status in
    /// the system's one spelling, final and cancelled as the system defines them.
    /// </summary>
    internal abstract class StatusFieldStateReader : ItemStateReader
    {
        private readonly StatusSpelling _spelling;
        private readonly Func<string, bool> _isFinal;
        private readonly string _cancelled;
        private readonly string _advice;

        protected StatusFieldStateReader(OperationsSystem system, string kind, IErrorBodyParser errorParser, StatusSpelling spelling, Func<string, bool> isFinal, string cancelled, string advice)
            : base(system, kind, errorParser)
        {
            _spelling = spelling;
            _isFinal = isFinal;
            _cancelled = cancelled;
            _advice = advice;
        }

        protected override ItemState ParseState(ApiRequest request, ApiResponse response, string id)
        {
            string? status = null;
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                status = _spelling.Normalize(JsonFields.Text(document.RootElement, "status"));
            }
            catch (JsonException)
            {
            }
            if (status is null)
                throw FailureBuilder.UnexpectedShape($"Confirming the cancel of {System} {Kind} '{id}' failed: {request.Describe()} answered {response.StatusCode} without a status.", request, response, _advice);
            return new ItemState(status, _isFinal(status), status == _cancelled);
        }
    }
}

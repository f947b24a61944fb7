using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace OperationsModule.Cmdlets
{
    /// <summary>Tab completion from a fixed list; the values are still checked by Core, which names the allowed ones.</summary>
    public abstract class ValuesCompleter : IArgumentCompleter
    {
        private readonly IReadOnlyList<string> _values;

        protected ValuesCompleter(IReadOnlyList<string> values)
        {
            _values = values;
        }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            _values.Where(v => v.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
    }
}

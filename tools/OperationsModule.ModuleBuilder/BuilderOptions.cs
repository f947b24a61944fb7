using System;
using System.Collections.Generic;

namespace OperationsModule.ModuleBuilder
{
    /// <summary>
    /// The command line: --module-bin &lt;cmdlet build output&gt; --docs &lt;docs/en-US&gt; --out &lt;module folder&gt;.
    /// Without --module-bin only the help is written, into &lt;out&gt;/en-US: a script module (the test kit) has no build
    /// output to lay out, and its folder is left as it is.
    /// </summary>
    public sealed class BuilderOptions
    {
        public const string Usage =
            "Usage: OperationsModule.ModuleBuilder [--module-bin <src/OperationsModule/bin/<cfg>/netstandard2.0>] --docs <docs/en-US> --out <module folder>";

        private BuilderOptions(string? moduleBin, string docs, string output)
        {
            ModuleBin = moduleBin;
            Docs = docs;
            Output = output;
        }

        /// <summary>Null when only the help is to be written.</summary>
        public string? ModuleBin { get; }

        public string Docs { get; }

        public string Output { get; }

        /// <summary>Null, with the reason in <paramref name="error"/>, when an option is missing, unknown or repeated.</summary>
        public static BuilderOptions? Parse(IReadOnlyList<string> args, out string? error)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var known = new[] { "--module-bin", "--docs", "--out" };
            error = null;
            for (var i = 0; i < args.Count; i += 2)
            {
                if (Array.IndexOf(known, args[i]) < 0) error = $"unknown option '{args[i]}'";
                else if (i + 1 >= args.Count) error = $"{args[i]} needs a value";
                else if (!values.TryAdd(args[i], args[i + 1])) error = $"{args[i]} is given twice";
                if (error != null) return null;
            }
            foreach (var option in new[] { "--docs", "--out" })
            {
                if (!values.ContainsKey(option)) error ??= $"{option} is required";
            }
            return error == null ? new BuilderOptions(values.GetValueOrDefault("--module-bin"), values["--docs"], values["--out"]) : null;
        }
    }
}

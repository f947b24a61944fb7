using System;

namespace OperationsModule.ModuleBuilder
{
    /// <summary>A docs page that cannot become help: names the file and the section so the author knows where to look.</summary>
    public sealed class HelpFormatException : Exception
    {
        public HelpFormatException(string file, string section, string problem)
            : base($"{file}: {section}: {problem}")
        {
            File = file;
            Section = section;
            Problem = problem;
        }

        public string File { get; }

        public string Section { get; }

        public string Problem { get; }
    }
}

using System;
using System.IO;
using OperationsModule.ModuleBuilder.Help;
using OperationsModule.ModuleBuilder.Layout;

namespace OperationsModule.ModuleBuilder
{
    /// <summary>Exit codes: 0 built, 1 a docs page or the build output is not usable (the message says which), 2 bad command line.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var options = BuilderOptions.Parse(args, out var error);
            if (options == null)
            {
                Console.Error.WriteLine(error);
                Console.Error.WriteLine(BuilderOptions.Usage);
                return 2;
            }
            try
            {
                // Help first: a malformed page fails the build before the old module folder is replaced.
                var help = HelpBuilder.Convert(options.Docs);
                if (options.ModuleBin != null) ModuleLayout.Assemble(options.ModuleBin, options.Output);
                var helpFolder = Path.Combine(options.Output, "en-US");
                help.WriteTo(helpFolder);
                Console.WriteLine(options.ModuleBin != null
                    ? $"Module assembled in {Path.GetFullPath(options.Output)}, help in {Path.GetFullPath(helpFolder)}"
                    : $"Help written in {Path.GetFullPath(helpFolder)}");
                return 0;
            }
            catch (Exception e) when (e is HelpFormatException || e is ModuleLayoutException || e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("OperationsModule.ModuleBuilder: " + e.Message);
                return 1;
            }
        }
    }
}

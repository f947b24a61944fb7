using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace OperationsModule.ModuleBuilder.Help
{
    /// <summary>
    /// docs/en-US to &lt;module&gt;/en-US: every cmdlet page into the MAML file its front matter names (as
    /// New-ExternalHelp groups them), every about_*.md into about_*.help.txt. Everything is read and converted
    /// before anything is written, so a malformed page leaves the previous build untouched.
    /// </summary>
    public sealed class HelpBuilder
    {
        private const string AboutPrefix = "about_";

        private readonly Dictionary<string, XDocument> _maml;
        private readonly Dictionary<string, string> _aboutTopics;

        private HelpBuilder(Dictionary<string, XDocument> maml, Dictionary<string, string> aboutTopics)
        {
            _maml = maml;
            _aboutTopics = aboutTopics;
        }

        public static HelpBuilder Convert(string docsFolder)
        {
            if (!Directory.Exists(docsFolder)) throw new HelpFormatException(docsFolder, "docs folder", "does not exist");
            var pages = Directory.GetFiles(docsFolder, "*.md").OrderBy(p => p, StringComparer.Ordinal).ToList();
            var commands = pages.Where(p => !IsAboutTopic(p)).Select(CommandPageReader.ReadFile).ToList();
            if (commands.Count == 0) throw new HelpFormatException(docsFolder, "cmdlet pages", "no <Cmdlet>.md page found");

            var maml = commands
                .GroupBy(c => c.ExternalHelpFile, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(file => file.Key, file => MamlWriter.Write(file));
            var aboutTopics = pages.Where(IsAboutTopic)
                .ToDictionary(p => Path.GetFileNameWithoutExtension(p) + ".help.txt", AboutTopicWriter.ConvertFile);
            return new HelpBuilder(maml, aboutTopics);
        }

        /// <summary>Writes the help files into <paramref name="helpFolder"/> and returns their paths.</summary>
        public IReadOnlyList<string> WriteTo(string helpFolder)
        {
            Directory.CreateDirectory(helpFolder);
            var written = new List<string>();
            foreach (var (name, document) in _maml)
            {
                written.Add(Path.Combine(helpFolder, name));
                document.Save(written[^1]);
            }
            foreach (var (name, text) in _aboutTopics)
            {
                written.Add(Path.Combine(helpFolder, name));
                File.WriteAllText(written[^1], text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            return written;
        }

        private static bool IsAboutTopic(string path) => Path.GetFileName(path).StartsWith(AboutPrefix, StringComparison.OrdinalIgnoreCase);
    }
}

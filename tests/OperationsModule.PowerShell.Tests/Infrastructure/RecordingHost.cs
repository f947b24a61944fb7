using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// A host that records what PowerShell prints to it (the "What if:" lines go to the host, not to any stream)
    /// and answers confirmation prompts with a chosen answer, counting them.
    /// </summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingHostUI _ui = new RecordingHostUI();

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override string Name => "OperationsModuleTestHost";

        public override PSHostUserInterface UI => _ui;

        public override Version Version => new Version(1, 0);

        public RecordingHostUI Recorder => _ui;

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication() { }

        public override void NotifyEndApplication() { }

        public override void SetShouldExit(int exitCode) { }
    }

    public sealed class RecordingHostUI : PSHostUserInterface
    {
        public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<string> Prompts { get; } = new ConcurrentQueue<string>();

        /// <summary>The label of the choice to answer prompts with: "Yes", "No", "Yes to All", ...</summary>
        public string Answer { get; set; } = "No";

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Enqueue(message);
            for (var i = 0; i < choices.Count; i++)
                if (string.Equals(choices[i].Label.Replace("&", string.Empty), Answer, StringComparison.OrdinalIgnoreCase)) return i;
            throw new InvalidOperationException($"No choice labelled '{Answer}' in: {string.Join(", ", choices)}");
        }

        public override void Write(string value) => Lines.Enqueue(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Enqueue(value);

        public override void WriteLine(string value) => Lines.Enqueue(value);

        public override void WriteErrorLine(string value) => Lines.Enqueue(value);

        public override void WriteDebugLine(string message) => Lines.Enqueue("DEBUG: " + message);

        public override void WriteVerboseLine(string message) => Lines.Enqueue("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => Lines.Enqueue("WARNING: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("The tests never prompt for values.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The tests never prompt for credentials.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The tests never prompt for credentials.");

        public override string ReadLine() => throw new NotSupportedException("The tests never read input.");

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The tests never read input.");
    }
}

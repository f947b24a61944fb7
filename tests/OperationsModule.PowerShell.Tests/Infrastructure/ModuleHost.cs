using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using Pwsh = System.Management.Automation.PowerShell;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// A live runspace with the built module imported (from its folder, as Import-Module does for users) and a
    /// recording host. Each test makes its own; default sessions are closed when it is disposed.
    /// </summary>
    public sealed class ModuleHost : IDisposable
    {
        private readonly Runspace _runspace;

        public ModuleHost()
        {
            Host = new RecordingHost();
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { TestPaths.ModuleManifest });
            _runspace = RunspaceFactory.CreateRunspace(Host, state);
            _runspace.Open();
            var importErrors = Run("$Error.ToArray()").Output;
            if (importErrors.Count > 0) throw new InvalidOperationException("Importing the module failed: " + string.Join("; ", importErrors));
        }

        public RecordingHost Host { get; }

        public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>A PowerShell instance on this runspace, for tests that drive it themselves (Stop, BeginInvoke).</summary>
        public Pwsh Create()
        {
            var ps = Pwsh.Create();
            ps.Runspace = _runspace;
            return ps;
        }

        /// <summary>Runs a script and collects every stream; a terminating error is returned, not thrown.</summary>
        public RunResult Run(string script)
        {
            using var ps = Create();
            ps.AddScript(script);
            var output = new List<PSObject>();
            RuntimeException? terminating = null;
            try
            {
                output.AddRange(ps.Invoke());
            }
            catch (RuntimeException ex)
            {
                terminating = ex;
            }
            return new RunResult(output, ps.Streams.Error.ToList(), ps.Streams.Warning.Select(w => w.Message).ToList(),
                ps.Streams.Verbose.Select(v => v.Message).ToList(), ps.Streams.Progress.ToList(), terminating);
        }

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public static PSCredential Credential(string user, string password) => new PSCredential(user, Secure(password));

        public void Dispose()
        {
            Run("Disconnect-OperationsServer -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null");
            _runspace.Dispose();
        }
    }

    /// <summary>Everything one script wrote.</summary>
    public sealed record RunResult(
        IReadOnlyList<PSObject> Output,
        IReadOnlyList<ErrorRecord> Errors,
        IReadOnlyList<string> Warnings,
        IReadOnlyList<string> Verbose,
        IReadOnlyList<ProgressRecord> Progress,
        RuntimeException? Terminating)
    {
        public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();
    }
}

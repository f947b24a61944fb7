using System;
using OperationsModule.Simulator;
using Xunit;

namespace OperationsModule.PowerShell.Tests.Infrastructure
{
    /// <summary>
    /// Base of the runspace tests: a fresh runspace with the module, a reset simulator, and splat tables for each
    /// system in the runspace ($ol, $od, $vcf, $bc: -BaseUri, a secret, -AllowUnencryptedAuthentication).
    /// </summary>
    [Collection(RunspaceCollection.Name)]
    public abstract class RunspaceTest : IDisposable
    {
        protected RunspaceTest(SimulatorFixture simulator)
        {
            Simulator = simulator;
            simulator.Server.Reset();
            Shell = new ModuleHost();
            Shell.Set("sim", simulator.BaseUri);
            Shell.Set("olCred", Accounts.OlAdmin);
            Shell.Set("vcfCred", Accounts.Vcf);
            Shell.Set("bcCred", Accounts.BigChange);
            Shell.Set("odToken", Accounts.OnedataToken);
            Shell.Run(@"
                $ol  = @{ BaseUri = $sim; Credential = $olCred;  AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
                $od  = @{ BaseUri = $sim; Token = $odToken;       AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
                $vcf = @{ BaseUri = $sim; Credential = $vcfCred; AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0 }
                $bc  = @{ BaseUri = $sim; Credential = $bcCred;  AllowUnencryptedAuthentication = $true; MaximumRetryCount = 0; CustomerId = 4242 }");
        }

        protected SimulatorFixture Simulator { get; }

        protected SimulatorServer Server => Simulator.Server;

        protected ModuleHost Shell { get; }

        /// <summary>Runs a script that must not fail at all; returns what it wrote.</summary>
        protected RunResult RunClean(string script)
        {
            var result = Shell.Run(script);
            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            return result;
        }

        public void Dispose() => Shell.Dispose();
    }
}

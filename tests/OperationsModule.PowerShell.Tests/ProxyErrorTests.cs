using System;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using OperationsModule.PowerShell.Tests.Infrastructure;
using Xunit;

namespace OperationsModule.PowerShell.Tests
{
    /// <summary>With -Proxy, a proxy that cannot be reached is named in the record, not the server behind it.</summary>
    public sealed class ProxyErrorTests : RunspaceTest
    {
        public ProxyErrorTests(SimulatorFixture simulator) : base(simulator)
        {
            var closed = new TcpListener(IPAddress.Loopback, 0);
            closed.Start();
            ClosedProxy = new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}/");
            closed.Stop();
            Shell.Set("proxy", ClosedProxy);
            Shell.Set("proxyCred", ModuleHost.Credential("proxyuser", "ProxyP4ss"));
        }

        private Uri ClosedProxy { get; }

        [Fact]
        public void Connect_through_a_proxy_that_is_down_names_the_proxy()
        {
            var result = Shell.Run("Connect-OperationsServer -System Vcf -BaseUri https://sddc.example.com -Credential $vcfCred -Proxy $proxy -ProxyCredential $proxyCred -MaximumRetryCount 0");

            var error = Assert.Single(result.Errors);
            Assert.Equal("ConnectionFailed,OperationsModule.Cmdlets.ConnectOperationsServerCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains($"could not reach the proxy {ClosedProxy}", error.Exception.Message);
            Assert.StartsWith("Check -Proxy", error.ErrorDetails.RecommendedAction);
            Assert.DoesNotContain("ProxyP4ss", error.Exception.Message);
        }

        [Fact]
        public void Each_item_of_a_session_whose_proxy_is_down_is_one_record_naming_the_proxy()
        {
            var result = Shell.Run(@"
                $s = Connect-OperationsServer -System Onedata -BaseUri https://onedata.example.com -Token $odToken -Proxy $proxy -MaximumRetryCount 0 -SkipVerification -PassThru
                'wf-1', 'wf-2' | Stop-WorkflowExecution -Session $s -ThrottleLimit 1");

            Assert.Empty(result.Output);
            Assert.Equal(new object[] { "wf-1", "wf-2" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(result.Errors, e => e.TargetObject)));
            Assert.All(result.Errors, e =>
            {
                Assert.Equal("ConnectionFailed,OperationsModule.Cmdlets.StopWorkflowExecutionCommand", e.FullyQualifiedErrorId);
                Assert.Contains($"failed: could not reach the proxy {ClosedProxy}", e.Exception.Message);
            });
        }
    }
}

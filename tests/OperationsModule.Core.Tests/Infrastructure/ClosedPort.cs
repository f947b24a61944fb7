using System.Net;
using System.Net.Sockets;

namespace OperationsModule.Core.Tests.Infrastructure
{
    /// <summary>
    /// A loopback port nothing listens on: the system hands out a free one, which is released at once, so a
    /// connection to it is refused (a server that is down), and a test may start a server on it later.
    /// </summary>
    internal static class ClosedPort
    {
        public static int Take()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}

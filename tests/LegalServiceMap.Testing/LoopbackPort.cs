using System.Net;
using System.Net.Sockets;

namespace LegalServiceMap.Testing;

public static class LoopbackPort
{
    /// <summary>A loopback port nobody listens on now (for a server a test starts).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LegalServiceMap.Testing;

/// <summary>A real Redis (Debian's redis-server) on a free loopback port, without persistence; stopped by its pid.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port},connectTimeout=2000,syncTimeout=2000";

    public static RedisServer Start()
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" }) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("redis-server is not installed; scripts/test.sh installs it.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return new RedisServer(process, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        process.Kill();
        throw new InvalidOperationException($"redis-server did not listen on port {port}.");
    }


    private bool _stopped;

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }
        _process.Dispose();
    }
}

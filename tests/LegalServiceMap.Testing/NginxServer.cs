using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LegalServiceMap.Testing;

/// <summary>
/// Debian's nginx with the project's own configuration (scripts/cluster/nginx.conf, filled in the way
/// scripts/cluster.sh does) in front of app instances, in a temporary folder on a free loopback port; stopped by its pid.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NginxServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    public string AccessLog => Path.Combine(_directory, "access.log");

    public static NginxServer Start(IEnumerable<int> upstreamPorts)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed; scripts/test.sh installs it.");
        var directory = Path.Combine(Path.GetTempPath(), "lsm-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = LoopbackPort.Free();
        var servers = string.Concat(upstreamPorts.Select(p => $"server 127.0.0.1:{p} max_fails=2 fail_timeout=10s; "));
        var config = File.ReadAllText(Path.Combine(Repository.Root, "scripts", "cluster", "nginx.conf"))
            .Replace("@PREFIX@", directory).Replace("@PORT@", port.ToString()).Replace("@SERVERS@", servers);
        var file = Path.Combine(directory, "nginx.conf");
        File.WriteAllText(file, config);
        var start = new ProcessStartInfo(nginx) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-p", directory, "-c", file, "-g", "daemon off;" }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited ({process.ExitCode}); see {Path.Combine(directory, "error.log")}");
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return new NginxServer(process, directory, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        process.Kill();
        throw new InvalidOperationException($"nginx did not listen on port {port}.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // The master's pid: QUIT lets it stop its workers and exit.
            using (var quit = Process.Start("kill", ["-QUIT", _process.Id.ToString()])) quit.WaitForExit();
            if (!_process.WaitForExit(5_000)) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

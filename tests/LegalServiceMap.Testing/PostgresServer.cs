using System.Diagnostics;
using Npgsql;

namespace LegalServiceMap.Testing;

/// <summary>
/// A real PostgreSQL 15 server (Debian's, with PostGIS) for the tests: a fresh cluster in a temporary folder on a free
/// loopback port, started on first use and stopped when the test process ends. Each caller gets its own database.
/// As root (CI), the cluster runs as the <c>postgres</c> system user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string _directory;
    private readonly int _port;

    private PostgresServer(string directory, int port)
    {
        _directory = directory;
        _port = port;
    }

    public static PostgresServer Instance => Shared.Value;

    private string AdminConnection => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "lsm_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(AdminConnection))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name}";
    }

    private static PostgresServer Start()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}); scripts/test.sh installs it with PostGIS.");
        var parent = Path.Combine(Path.GetTempPath(), "lsm-postgres");
        // Clusters of earlier runs that are down (no pid file) are removed; a running one (another test process) is not.
        if (Directory.Exists(parent))
            foreach (var old in Directory.GetDirectories(parent).Where(d => !File.Exists(Path.Combine(d, "postmaster.pid"))))
                try { Directory.Delete(old, recursive: true); } catch (IOException) { }
        var directory = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var root = Environment.UserName == "root";
        if (root) Run("chown", "postgres", directory);
        var port = LoopbackPort.Free();
        Run(BinDirectory + "/initdb", root, "-D", directory, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8");
        Run(BinDirectory + "/pg_ctl", root, "-D", directory, "-l", Path.Combine(directory, "server.log"), "-w",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
        var server = new PostgresServer(directory, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>Stops the server by the pid it wrote (postmaster.pid), then removes its folder.</summary>
    private void Stop()
    {
        try
        {
            var pidFile = Path.Combine(_directory, "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid))
            {
                Run("kill", "-INT", pid.ToString()); // fast shutdown; the server removes its pid file when it is down
                for (var i = 0; i < 100 && File.Exists(pidFile); i++) Thread.Sleep(100);
            }
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Best effort at process exit: the folder is in the temporary directory.
        }
    }


    private static void Run(string file, params string[] args) => Run(file, false, args);

    private static void Run(string file, bool asPostgres, params string[] args)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error}{output.Result}");
    }
}

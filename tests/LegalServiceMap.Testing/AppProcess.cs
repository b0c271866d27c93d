using System.Diagnostics;
using System.Reflection;

namespace LegalServiceMap.Testing;

/// <summary>
/// The app as the operator runs it: published (from the build the tests already made, so no second compile), started
/// as its own process in Production on a loopback port, and stopped by its pid: <see cref="Kill"/> is a crash
/// (SIGKILL), <see cref="StopAsync"/> a planned stop (SIGTERM, as systemd sends).
/// </summary>
public sealed class AppProcess : IDisposable
{
    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Process _process;
    private readonly string _log;

    private AppProcess(Process process, int port, string log)
    {
        _process = process;
        Port = port;
        _log = log;
    }

    public int Port { get; }
    public int Pid => _process.Id;
    public string Url => $"http://127.0.0.1:{Port}";
    public bool Running => !_process.HasExited;

    /// <summary>What the process wrote (its console log), for a failing test's message.</summary>
    public string Log => File.Exists(_log) ? File.ReadAllText(_log) : "";

    /// <summary>Starts an instance with these settings (configuration keys, e.g. <c>ConnectionStrings:Stations</c>) and waits until it is ready.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var folder = Published.Value;
        var p = port ?? LoopbackPort.Free();
        var log = Path.Combine(Path.GetDirectoryName(folder)!, $"app-{p}-{Guid.NewGuid():N}.log");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, UseShellExecute = false };
        // exec: the pid is the app's own; its console goes to a file (a pipe nobody reads could fill and block it).
        foreach (var a in new[] { "-c", $"exec dotnet LegalServiceMap.Web.dll --urls http://127.0.0.1:{p} >'{log}' 2>&1" }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        var app = new AppProcess(process, p, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddSeconds(120); DateTime.UtcNow < deadline;)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited ({process.ExitCode}):\n{app.Log}");
            try
            {
                if ((await http.GetAsync(app.Url + "/health/ready")).IsSuccessStatusCode) return app;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        app.Kill();
        throw new InvalidOperationException($"The app was not ready within 120 s:\n{app.Log}");
    }

    /// <summary>Runs one of the app's commands (e.g. <c>create-editor --email …</c>) with these settings and extra environment; returns its output, or throws when it fails.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Published.Value, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("LegalServiceMap.Web.dll");
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', args)} failed ({process.ExitCode}):\n{output}");
        return output;
    }

    /// <summary>A crash: SIGKILL, nothing runs in the process after it.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>A planned stop: SIGTERM, then the host's graceful shutdown; waits until the process has exited.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new InvalidOperationException($"The app did not stop within {timeout}:\n{Log}");
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>Publishes the web project once per test run, from the configuration the tests were built in.</summary>
    private static string Publish()
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var output = Path.Combine(Path.GetTempPath(), "lsm-app", Guid.NewGuid().ToString("N"), "app");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var a in new[] { "publish", Path.Combine("src", "LegalServiceMap.Web"), "-c", configuration, "--no-build", "-o", output, "-nologo", "-v", "q" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {stdout.Result}{stderr}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Path.GetDirectoryName(output)!, recursive: true); } catch (IOException) { }
        };
        return output;
    }
}

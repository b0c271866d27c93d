using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

// Opens Blazor Server circuits on the map page the way a browser does (GET the prerendered page, negotiate, WebSocket,
// StartCircuit, UpdateRootComponents, answer render batches and JS calls), holds them open, and times one interaction:
// a click on the map, from the click reaching the server to the map being handed the walking area (setOverlay).
// Server memory is read from the app's own /metrics (allowed from loopback).
//
// usage: LegalServiceMap.Load URL [--circuits 100,500,1000] [--clicks 100] [--parallel 16] [--click-parallel 4] [--server-pid PID] [--drop]
//   --parallel: circuits opened at once; --click-parallel: residents tapping at the same moment;
//   --warm-up N: residents who open the map, tap and close it before the idle baseline is read (default 20; 0: cold).
//   --hold SECONDS: wait with the circuits open after each level (to take a memory dump by hand).
//   --server-pid: the live GC heap of that process is read with dotnet-gcdump (a full GC first), and its largest types listed.
//   --drop: at the end, drop every connection without saying goodbye (a webview sent to the background), then read
//   memory 5 s after the drop and at each of --after-drop SECONDS after it (default 200,1140: past the 3 minutes for
//   which disconnected circuits are kept, then past the 15 minutes more for which their persisted state is kept).

if (args.Length > 0 && args[0] == "http")
{
    await HttpLoad.RunAsync(args[1..]);
    return 0;
}
var options = LoadOptions.Parse(args);
using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
var report = new List<string>();
// The idle baseline is read warm: a few residents come, tap and leave (closing their page, as a browser does), so JIT,
// the walking engine's first use and the server's pools are in it, and what stays after the drop is what circuits left.
if (options.WarmUp > 0)
{
    var warm = new List<VirtualResident>();
    for (var i = 0; i < options.WarmUp; i++)
    {
        var resident = new VirtualResident(options.Url);
        await resident.ConnectAsync(CancellationToken.None);
        warm.Add(resident);
    }
    await ClickAsync(warm, options.WarmUp, options.ClickParallel);
    foreach (var r in warm) await r.DisposeAsync();
}
var baseline = await Memory.ReadAsync(http, options.ServerPid);
Console.WriteLine($"baseline: {baseline}");
var residents = new List<VirtualResident>();
foreach (var level in options.Levels)
{
    var started = Stopwatch.StartNew();
    var failures = 0;
    await Parallel.ForEachAsync(Enumerable.Range(residents.Count, Math.Max(0, level - residents.Count)),
        new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (_, ct) =>
        {
            var resident = new VirtualResident(options.Url);
            try
            {
                await resident.ConnectAsync(ct);
                lock (residents) residents.Add(resident);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref failures);
                if (failures <= 3) Console.Error.WriteLine($"connect failed: {ex.GetType().Name}: {ex.Message}");
                await resident.DisposeAsync();
            }
        });
    var opened = started.Elapsed;
    if (options.HoldSeconds > 0) await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds)); // time for a memory dump by hand
    var open = residents.Count(r => r.IsOpen);
    var memory = await Memory.ReadAsync(http, options.ServerPid, top: level == options.Levels[^1] ? 12 : 0);
    var perCircuit = open == 0 ? 0 : (memory.HeapBytes - baseline.HeapBytes) / open;
    var perCircuitWs = open == 0 ? 0 : (memory.WorkingSetBytes - baseline.WorkingSetBytes) / open;
    var latencies = await ClickAsync(residents.Where(r => r.IsOpen).ToList(), options.Clicks, options.ClickParallel);
    var line = string.Create(CultureInfo.InvariantCulture,
        $"{open,5} circuits ({failures} failed, opened in {opened.TotalSeconds:0.0} s): server {memory}, per circuit {perCircuit / 1024.0:0} KB heap, {perCircuitWs / 1024.0:0} KB working set; click → area {Percentiles(latencies)}");
    Console.WriteLine(line);
    report.Add(line);
}

if (options.Drop)
{
    foreach (var r in residents) await r.DropAsync();
    var sinceDrop = Stopwatch.StartNew();
    // Right after, and once each of the server's retentions (disconnected circuits, then their persisted state) has passed.
    foreach (var wait in options.AfterDropSeconds.Prepend(5).Order())
    {
        var left = TimeSpan.FromSeconds(wait) - sinceDrop.Elapsed;
        if (left > TimeSpan.Zero) await Task.Delay(left);
        var dropped = await Memory.ReadAsync(http, options.ServerPid);
        var above = (dropped.HeapBytes - baseline.HeapBytes) * 100.0 / baseline.HeapBytes;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{wait} s after dropping {residents.Count} connections: server {dropped} (baseline {baseline}; heap {above:+0;-0} %)");
        Console.WriteLine(line);
        report.Add(line);
    }
}
else
{
    foreach (var r in residents) await r.DisposeAsync();
}
Console.WriteLine();
report.ForEach(Console.WriteLine);
return 0;

static async Task<List<double>> ClickAsync(List<VirtualResident> residents, int clicks, int parallel)
{
    var latencies = new List<double>();
    if (residents.Count == 0) return latencies;
    // Each tap a new point (a walk already computed would come from the cache) in the district's south-east corner,
    // where the street network of the sample is.
    var picks = Enumerable.Range(0, clicks)
        .Select(_ => (Resident: residents[Random.Shared.Next(residents.Count)], Lat: 31.2260 + Random.Shared.NextDouble() * 0.012, Lng: 121.4600 + Random.Shared.NextDouble() * 0.012))
        .ToList();
    await Parallel.ForEachAsync(picks, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (pick, ct) =>
    {
        if (await pick.Resident.ClickMapAsync(pick.Lat, pick.Lng, ct) is { } ms) lock (latencies) latencies.Add(ms);
    });
    return latencies;
}

static string Percentiles(List<double> values)
{
    if (values.Count == 0) return "no answers";
    values.Sort();
    double P(double p) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"median {P(0.5):0} ms, p95 {P(0.95):0} ms, max {values[^1]:0} ms ({values.Count} clicks)");
}

sealed record LoadOptions(Uri Url, int[] Levels, int Clicks, int Parallel, int ClickParallel, int? ServerPid, bool Drop, int HoldSeconds, int[] AfterDropSeconds, int WarmUp)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        static int[] Numbers(string list) => list.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        if (args.Length == 0 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url))
        {
            Console.Error.WriteLine("usage: LegalServiceMap.Load URL [--circuits 100,500,1000] [--clicks 100] [--parallel 16] [--click-parallel 4] [--server-pid PID] [--drop] [--after-drop 200,1140]");
            Environment.Exit(2);
            return null!;
        }
        return new LoadOptions(url,
            Numbers(Value("--circuits") ?? "100,500,1000"),
            int.Parse(Value("--clicks") ?? "100", CultureInfo.InvariantCulture),
            int.Parse(Value("--parallel") ?? "16", CultureInfo.InvariantCulture),
            int.Parse(Value("--click-parallel") ?? "4", CultureInfo.InvariantCulture),
            Value("--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            args.Contains("--drop"),
            int.Parse(Value("--hold") ?? "0", CultureInfo.InvariantCulture),
            Numbers(Value("--after-drop") ?? "200,1140"),
            int.Parse(Value("--warm-up") ?? "20", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The server's memory: its live GC heap (dotnet-gcdump, which collects first, when the pid is known; otherwise the heap
/// after the last GC from /metrics) and its working set (/metrics).
/// </summary>
sealed record Memory(long HeapBytes, long WorkingSetBytes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"heap {HeapBytes / 1048576.0:0.0} MB, working set {WorkingSetBytes / 1048576.0:0.0} MB");

    public static async Task<Memory> ReadAsync(HttpClient http, int? pid, int top = 0)
    {
        long heap;
        if (pid is { } p)
        {
            var report = await RunAsync("dotnet", $"tool run dotnet-gcdump report -p {p}");
            heap = long.Parse(Regex.Match(report, @"([\d,]+)\s+GC Heap bytes").Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
            if (top > 0)
            {
                Console.WriteLine("largest types on the server's heap:");
                foreach (var line in report.Split('\n').SkipWhile(l => !l.Contains("Object Bytes")).Skip(1).Take(top)) Console.WriteLine("  " + line.Trim());
            }
        }
        else
        {
            heap = Sum(await http.GetStringAsync("/metrics"), "dotnet_gc_last_collection_heap_size_bytes");
        }
        return new Memory(heap, Sum(await http.GetStringAsync("/metrics"), "dotnet_process_memory_working_set_bytes"));
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static long Sum(string metrics, string name) =>
        (long)Regex.Matches(metrics, $@"^{name}(\{{[^}}]*\}})? ([0-9.eE+]+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
}

/// <summary>
/// One resident's browser tab, without the browser: the page's prerendered markers, a SignalR connection speaking
/// "blazorpack", and answers to what the server asks of the browser (render acknowledgements, JS calls).
/// </summary>
sealed partial class VirtualResident(Uri url) : IAsyncDisposable
{
    private readonly CookieContainer _cookies = new();
    private HubConnection? _connection;
    private string? _circuitSecret;
    private long _mapObject = -1;
    private long _nextJsObject;
    private int _nextCall;
    private readonly TaskCompletionSource _mapReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _overlay;
    private readonly SemaphoreSlim _oneClickAtATime = new(1, 1);

    /// <summary>LSM_LOAD_TRACE=1 prints every JS call the server makes (to see what a page asks of the browser).</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("LSM_LOAD_TRACE") is not null;

    public bool IsOpen => _connection?.State == HubConnectionState.Connected && _mapReady.Task.IsCompletedSuccessfully;

    public async Task ConnectAsync(CancellationToken ct)
    {
        using var handler = new HttpClientHandler { CookieContainer = _cookies };
        using var http = new HttpClient(handler) { BaseAddress = url };
        var html = await http.GetStringAsync("/", ct);
        var markers = Marker().Matches(html).Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement)
            .Where(m => m.TryGetProperty("descriptor", out _) && m.GetProperty("type").GetString() is "server" or "auto")
            .OrderBy(m => m.GetProperty("sequence").GetInt32()).ToList();
        if (markers.Count == 0) throw new InvalidOperationException("no Blazor Server markers on the page");
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(url, "_blazor"), o =>
            {
                o.Cookies = _cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddProvider(new WarningsToStandardError()));
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var connection = _connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        connection.On<long, byte[]>("JS.RenderBatch", (batch, _) => connection.SendAsync("OnRenderCompleted", batch, null));
        connection.On<long, string, string?, int, long, int>("JS.BeginInvokeJS", (handle, identifier, argsJson, resultType, target, _) =>
            AnswerJsAsync(connection, handle, identifier, argsJson, resultType, target));
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<string, bool, string?>("JS.EndInvokeDotNet", (_, _, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string>("JS.Error", message => _mapReady.TrySetException(new InvalidOperationException("circuit error: " + message)));
        await connection.StartAsync(ct);

        var uri = new Uri(url, "/").ToString();
        _circuitSecret = await connection.InvokeAsync<string?>("StartCircuit", uri, uri, "[]", state, ct)
            ?? throw new InvalidOperationException("the server refused to start a circuit");
        var operations = JsonSerializer.Serialize(new
        {
            batchId = 1,
            operations = markers.Select((m, i) => new { type = "add", ssrComponentId = i + 1, marker = m }),
        });
        await connection.SendAsync("UpdateRootComponents", operations, state, ct);
        await _mapReady.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>What a browser would answer; the map module's calls get plausible values, everything else "done".</summary>
    private Task AnswerJsAsync(HubConnection connection, long handle, string identifier, string? argsJson, int resultType, long target)
    {
        if (Trace) Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss.fff} JS {identifier} handle={handle} type={resultType} target={target}");
        if (identifier == "createMap" && argsJson is not null && DotNetObject().Match(argsJson) is { Success: true } reference)
        {
            _mapObject = long.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        if (identifier == "setOverlay") _overlay?.TrySetResult();
        if (handle == 0) return Task.CompletedTask;
        var value = resultType == 1 ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObject)}}}"
            : identifier switch
            {
                "setData" => "20",
                "setOverlay" => "\"network\"",
                _ => "null",
            };
        var sent = connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{value}]");
        if (identifier == "setData") _mapReady.TrySetResult(); // the map has been created and handed its data
        return sent;
    }

    /// <summary>Clicks the map at a point: milliseconds until the server hands the map its walking area, or null.</summary>
    public async Task<double?> ClickMapAsync(double lat, double lng, CancellationToken ct)
    {
        if (_connection is null || _mapObject < 0) return null;
        await _oneClickAtATime.WaitAsync(ct); // one finger: a resident taps again only when the last tap has answered
        try
        {
            var overlay = _overlay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = Stopwatch.GetTimestamp();
            var call = Interlocked.Increment(ref _nextCall).ToString(CultureInfo.InvariantCulture);
            await _connection.SendAsync("BeginInvokeDotNetFromJS", call, null, "OnMapClicked", _mapObject,
                string.Create(CultureInfo.InvariantCulture, $"[{lat},{lng}]"), ct);
            await overlay.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _oneClickAtATime.Release();
        }
    }

    /// <summary>Drops the connection without telling the server (the phone went to sleep): the circuit stays, disconnected.</summary>
    public async Task DropAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }

    /// <summary>Leaves as a closing tab does: tells the server the circuit is over, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_circuitSecret is not null)
        {
            using var handler = new HttpClientHandler { CookieContainer = _cookies };
            using var http = new HttpClient(handler) { BaseAddress = url };
            try
            {
                await http.PostAsync("/_blazor/disconnect/", new FormUrlEncodedContent([new("circuitId", _circuitSecret)]));
            }
            catch (HttpRequestException)
            {
            }
        }
        await DropAsync();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--\s*Blazor-Server-Component-State:([A-Za-z0-9+/=]+)\s*-->")]
    private static partial Regex State();

    [GeneratedRegex(@"\{""__dotNetObject"":(\d+)\}")]
    private static partial Regex DotNetObject();
}

/// <summary>SignalR's MessagePack protocol under the name Blazor's hub accepts ("blazorpack" is MessagePack framing).</summary>
sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";
    public int Version => _inner.Version;
    public TransferFormat TransferFormat => _inner.TransferFormat;
    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) => _inner.TryParseMessage(ref input, binder, out message);
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
}

/// <summary>The SignalR client's warnings (e.g. a server message whose arguments did not bind) on standard error.</summary>
sealed class WarningsToStandardError : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;
    public void Dispose() { }
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Console.Error.WriteLine($"client {logLevel}: {formatter(state, exception)}");
    }
}

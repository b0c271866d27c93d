using System.Diagnostics;
using System.Globalization;
using System.Net;

/// <summary>
/// Residents reading and tapping the map over plain HTTP (the resident pages hold nothing on the server): each one
/// opens the map page with its own cookies, fetches its markers, and taps the map: the walk's GeoJSON and the page of
/// the tap's address (an enhanced navigation's request), in parallel, as js/resident.js does. The taps are at random
/// points of --bbox, so each walk is computed, not served from a cache.
/// </summary>
static class ResidentLoad
{
    private const string EnhancedNavigation = "text/html; blazor-enhanced-nav=on";

    public static async Task RunAsync(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var url = new Uri(args[0]);
        var levels = (Value("--residents") ?? "100,500,1000").Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var taps = int.Parse(Value("--taps") ?? "2", CultureInfo.InvariantCulture);
        var parallel = int.Parse(Value("--parallel") ?? "16", CultureInfo.InvariantCulture);
        int? pid = Value("--server-pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        var bbox = (Value("--bbox") ?? "121.4611,31.2196,121.4863,31.2412").Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var metrics = new HttpClient { BaseAddress = url };

        await RunResidentsAsync(url, 20, taps, parallel, bbox, seed: 1_000_000); // warm-up: JIT, pools and the engine's first use
        var baseline = await Memory.ReadAsync(metrics, pid);
        Console.WriteLine($"baseline (warm, idle): {baseline}");
        var served = 0;
        // Each level adds residents with new points; then all of them come back and tap the same points again: walks they
        // asked for are in the server's bounded cache of derived results, so what the heap holds per resident shows.
        foreach (var (level, again) in levels.Select(l => (l, false)).Append((levels[^1], true)))
        {
            var (tapTimes, failures, elapsed) = again
                ? await RunResidentsAsync(url, level, taps, parallel, bbox, seed: 0)
                : await RunResidentsAsync(url, level - served, taps, parallel, bbox, seed: served);
            served = level;
            var memory = await Memory.ReadAsync(metrics, pid);
            tapTimes.Sort();
            double Percentile(double q) => tapTimes.Count == 0 ? double.NaN : tapTimes[Math.Min(tapTimes.Count - 1, (int)Math.Ceiling(q * tapTimes.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(again ? "the same " : "")}{level} residents {(again ? "again, same points" : "served")} ({tapTimes.Count} taps in {elapsed.TotalSeconds:0.0} s, {failures} failed): tap answered median {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms; " +
                $"{memory}; heap {(memory.HeapBytes - baseline.HeapBytes) / 1048576.0:+0.0;-0.0} MB over the baseline ({(memory.HeapBytes - baseline.HeapBytes) / (double)level / 1024:0.0} KB per resident served)"));
        }
    }

    private static async Task<(List<double> TapTimes, int Failures, TimeSpan Elapsed)> RunResidentsAsync(Uri url, int residents, int taps, int parallel, double[] bbox, int seed)
    {
        var times = new List<double>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(seed, residents), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (n, ct) =>
        {
            var random = new Random(n);
            using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.All };
            using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
            try
            {
                (await http.GetAsync("/", ct)).EnsureSuccessStatusCode();
                (await http.GetAsync("/api/stations?lang=zh", ct)).EnsureSuccessStatusCode();
                for (var t = 0; t < taps; t++)
                {
                    var lat = (bbox[1] + random.NextDouble() * (bbox[3] - bbox[1])).ToString("0.0000000", CultureInfo.InvariantCulture);
                    var lng = (bbox[0] + random.NextDouble() * (bbox[2] - bbox[0])).ToString("0.0000000", CultureInfo.InvariantCulture);
                    var started = Stopwatch.GetTimestamp();
                    var walk = http.GetAsync($"/api/isochrone?lat={lat}&lng={lng}&minutes=15&speed=normal&lang=zh", ct);
                    using var page = new HttpRequestMessage(HttpMethod.Get, $"/?lat={lat}&lng={lng}");
                    page.Headers.TryAddWithoutValidation("Accept", EnhancedNavigation);
                    var listed = http.SendAsync(page, ct);
                    using var walkAnswer = await walk;
                    using var pageAnswer = await listed;
                    await Task.WhenAll(walkAnswer.Content.ReadAsByteArrayAsync(ct), pageAnswer.Content.ReadAsByteArrayAsync(ct));
                    // A point off the walkable streets is a 400 with its reason: an answer as much as a walk.
                    if ((int)walkAnswer.StatusCode >= 500 || pageAnswer.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (times) times.Add(ms);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failures);
            }
        });
        return (times, failures, clock.Elapsed);
    }
}

using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Bounded HTTP load on the public API: for each path, <c>--concurrency</c> clients send requests back to back for
/// <c>--seconds</c>, after a short warm-up; reports requests per second, median and p95 latency, the bytes of the
/// successful answers as sent (compressed: the clients accept Brotli and gzip, as browsers do), and the answers by status.
/// In a path, <c>{lat}</c> and <c>{lng}</c> become a random point in <c>--bbox</c> (so walking areas are computed,
/// not served from a cache).
/// usage: LegalServiceMap.Load http URL --path /api/stations [--path …] [--seconds 20] [--concurrency 16] [--bbox minLng,minLat,maxLng,maxLat]
/// </summary>
static class HttpLoad
{
    public static async Task RunAsync(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var url = new Uri(args[0]);
        var paths = args.Select((a, i) => (a, i)).Where(x => x.a == "--path" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var seconds = double.Parse(Value("--seconds") ?? "20", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Value("--concurrency") ?? "16", CultureInfo.InvariantCulture);
        var bbox = (Value("--bbox") ?? "121.4611,31.2196,121.4863,31.2412").Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = url, Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip"); // not decompressed here: the bytes counted are the bytes sent
        foreach (var path in paths)
        {
            await RunPathAsync(http, path, TimeSpan.FromSeconds(Math.Min(3, seconds / 5)), concurrency, bbox); // warm-up, not reported
            var (count, statuses, latencies, bytes, elapsed) = await RunPathAsync(http, path, TimeSpan.FromSeconds(seconds), concurrency, bbox);
            latencies.Sort();
            bytes.Sort();
            static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {count / elapsed.TotalSeconds:0.0} req/s, median {Percentile(latencies, 0.5):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms, " +
                $"answer median {Percentile(bytes, 0.5):0} B, p95 {Percentile(bytes, 0.95):0} B, max {(bytes.Count == 0 ? double.NaN : bytes[^1]):0} B ({encoding}), " +
                $"{count} answers: {string.Join(", ", statuses.OrderBy(x => x.Key).Select(x => $"{x.Value} × {x.Key}"))}"));
        }
    }

    private static string encoding = "";

    private static async Task<(int Count, Dictionary<string, int> Statuses, List<double> Latencies, List<double> Bytes, TimeSpan Elapsed)> RunPathAsync(
        HttpClient http, string path, TimeSpan duration, int concurrency, double[] bbox)
    {
        var latencies = new List<double>();
        var sizes = new List<double>();
        var statuses = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async client =>
        {
            var random = new Random(client);
            var mine = new List<double>();
            var myBytes = new List<double>();
            var answers = new Dictionary<string, int>();
            while (clock.Elapsed < duration)
            {
                var target = path
                    .Replace("{lat}", (bbox[1] + random.NextDouble() * (bbox[3] - bbox[1])).ToString("0.000000", CultureInfo.InvariantCulture))
                    .Replace("{lng}", (bbox[0] + random.NextDouble() * (bbox[2] - bbox[0])).ToString("0.000000", CultureInfo.InvariantCulture));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(target, HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (response.IsSuccessStatusCode)
                    {
                        myBytes.Add(body.Length);
                        encoding = string.Join(",", response.Content.Headers.ContentEncoding) is { Length: > 0 } e ? e : "identity";
                    }
                    var key = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    answers[key] = answers.GetValueOrDefault(key) + 1;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    answers["no answer"] = answers.GetValueOrDefault("no answer") + 1;
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (latencies)
            {
                latencies.AddRange(mine);
                sizes.AddRange(myBytes);
                foreach (var (key, n) in answers) statuses[key] = statuses.GetValueOrDefault(key) + n;
            }
        }));
        return (latencies.Count, statuses, latencies, sizes, clock.Elapsed);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

// Load on the app the way residents and the host app use it, without a browser; server memory from its /metrics (allowed
// from loopback) or, with --server-pid, its live heap (dotnet-gcdump).
//
// usage: LegalServiceMap.Load residents URL [--residents 100,500,1000] [--taps 2] [--parallel 16] [--server-pid PID] [--bbox …]
//        LegalServiceMap.Load http URL --path /api/stations [--path …] [--seconds 20] [--concurrency 16] [--bbox …]
//        LegalServiceMap.Load district-osm FILE.osm
// residents: each virtual resident opens the map page (its own cookies), fetches the markers, and taps the map --taps
//   times (the walk's GeoJSON and the page of its address, as js/resident.js asks for them, together); reported per
//   level: tap time (median, p95), failures, and the server's heap and working set against a warm idle baseline.
// http: bounded load on API paths (HttpLoad.cs).

return args.FirstOrDefault() switch
{
    "http" => await Run(() => HttpLoad.RunAsync(args[1..])),
    "residents" => await Run(() => ResidentLoad.RunAsync(args[1..])),
    "district-osm" => DistrictOsm(args[1..]),
    _ => Usage(),
};

static async Task<int> Run(Func<Task> load)
{
    await load();
    return 0;
}

// district-osm FILE: writes the synthetic district (LegalServiceMap.Testing.SyntheticDistrict) as OSM XML and prints its
// bounding box (minLng,minLat,maxLng,maxLat) for --bbox.
static int DistrictOsm(string[] args)
{
    using (var file = File.Create(args[0])) LegalServiceMap.Testing.SyntheticDistrict.Write(file);
    var (south, west) = LegalServiceMap.Testing.SyntheticDistrict.ToWgs84(0, 0);
    var (north, east) = LegalServiceMap.Testing.SyntheticDistrict.ToWgs84(LegalServiceMap.Testing.SyntheticDistrict.WidthMetres, LegalServiceMap.Testing.SyntheticDistrict.HeightMetres);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{west:0.000000},{south:0.000000},{east:0.000000},{north:0.000000}"));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: LegalServiceMap.Load residents URL [--residents 100,500,1000] [--taps 2] [--parallel 16] [--server-pid PID]\n" +
                            "       LegalServiceMap.Load http URL --path /api/stations [--seconds 20] [--concurrency 16]");
    return 2;
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


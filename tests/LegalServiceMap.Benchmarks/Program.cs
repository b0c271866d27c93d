using BenchmarkDotNet.Running;

namespace LegalServiceMap.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher over this assembly).</summary>
public static class BenchmarksMain
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarksMain).Assembly).Run(args);
}

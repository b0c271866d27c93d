using System.Text.RegularExpressions;
using LegalServiceMap.Testing;

namespace LegalServiceMap.Web.Tests.Platform;

/// <summary>
/// The shape a newcomer relies on: small pages, components that take a state object rather than a long list of
/// parameters, and tests that find things the way a person does (test ids only for what a person cannot see).
/// </summary>
public sealed class CodebaseTests
{
    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    [Fact]
    public void NoPage_IsOver200Lines()
    {
        var long_ = Files("src", "*.razor").Select(f => (File: Path.GetFileName(f), Lines: File.ReadAllLines(f).Length)).Where(x => x.Lines > 200).ToList();
        Assert.True(long_.Count == 0, string.Join(", ", long_));
    }

    [Fact]
    public void NoComponent_TakesMoreThanEightParameters()
    {
        var wide = Files("src", "*.razor")
            .Select(f => (File: Path.GetFileName(f), Parameters: Regex.Matches(File.ReadAllText(f), @"\[Parameter\b").Count))
            .Where(x => x.Parameters > 8).ToList();
        Assert.True(wide.Count == 0, string.Join(", ", wide));
    }

    [Fact]
    public void TestIds_AreFewAndOnlyForWhatAPersonCannotSee()
    {
        var attributes = Files("src", "*.razor").Concat(Files("src", "*.cs")).Sum(f => Regex.Matches(File.ReadAllText(f), "data-testid").Count);
        var lookups = Files("tests", "*.cs").Sum(f => Regex.Matches(File.ReadAllText(f), @"GetByTestId\(").Count);
        Assert.InRange(attributes, 1, 60);
        Assert.InRange(lookups, 1, 30);
    }
}

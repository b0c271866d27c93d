using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LegalServiceMap.Testing;

namespace LegalServiceMap.Web.Tests.Features.Help;

/// <summary>The reviewed help tree is valid under its own schema (data/help/tree.schema.json), and the schema bites.</summary>
public sealed class HelpDataTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "data", "help");
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, "tree.schema.json")),
        new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() });

    private static bool Valid(JsonNode tree) =>
        Schema.Evaluate(JsonDocument.Parse(tree.ToJsonString()).RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;

    [Fact]
    public void TheTree_IsValidUnderItsSchema_AndAMissingTranslationOrAnUnknownServiceIsNot()
    {
        var tree = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "tree.json")))!;
        Assert.True(Valid(tree));
        var untranslated = tree.DeepClone();
        untranslated["questions"]![0]!["text"]!.AsObject().Remove("en");
        Assert.False(Valid(untranslated));
        var unknown = tree.DeepClone();
        unknown["outcomes"]![0]!["services"]!.AsArray().Add("astrologer");
        Assert.False(Valid(unknown));
    }
}

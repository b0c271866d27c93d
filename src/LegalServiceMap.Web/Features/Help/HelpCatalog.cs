using LegalServiceMap.Core.Help;
using LegalServiceMap.Web.Setup;

namespace LegalServiceMap.Web.Features.Help;

/// <summary>
/// The reviewed triage data shipped in data/help/: the tree (tree.json, with its schema tree.schema.json) and the
/// keyword table (keywords.tsv). Read once, when the app starts (<see cref="HelpSetup.MapHelp"/>); a file that is missing
/// or has problems stops the start (the page would otherwise send residents nowhere). Singleton.
/// </summary>
public sealed class HelpCatalog
{
    public HelpTree Tree { get; }
    public ProblemWords Words { get; }

    public HelpCatalog()
    {
        Tree = HelpTree.Read(File.ReadAllText(DataFiles.PathOf(Path.Combine("help", "tree.json"))));
        Words = ProblemWords.Read(File.ReadAllText(DataFiles.PathOf(Path.Combine("help", "keywords.tsv"))), Tree.Groups.Select(g => g.Id).ToList());
    }
}

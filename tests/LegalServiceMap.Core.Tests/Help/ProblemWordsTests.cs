using LegalServiceMap.Core.Help;
using LegalServiceMap.Core.Tests.Fixtures;

namespace LegalServiceMap.Core.Tests.Help;

/// <summary>The free-text box: a sentence in Chinese or English to a problem group through the reviewed keyword table.</summary>
public class ProblemWordsTests
{
    private static readonly HelpTree Tree = HelpTreeTests.Shipped;
    private static readonly IReadOnlyList<string> Groups = Tree.Groups.Select(g => g.Id).ToList();
    private static readonly ProblemWords Words = ProblemWords.Read(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "data", "help", "keywords.tsv")), Groups);

    [Theory]
    [InlineData("老板三个月没发工资", "work")]
    [InlineData("公司拖欠工资还不签劳动合同", "work")]
    [InlineData("我想离婚，孩子的抚养费怎么办", "family")]
    [InlineData("父亲去世了，遗产怎么继承", "family")]
    [InlineData("邻居家漏水到我家", "neighbours")]
    [InlineData("房东不退押金", "neighbours")]
    [InlineData("过马路被车撞了，出了车祸", "injury")]
    [InlineData("网购的东西坏了商家不给退款", "consumer")]
    [InlineData("丈夫经常打我，家暴", "violence")]
    [InlineData("出国留学要办学历公证", "documents")]
    [InlineData("社区矫正要去哪里报到", "other")]
    [InlineData("My boss has not paid my salary for three months", "work")]
    [InlineData("I was fired without notice", "work")]
    [InlineData("I want a divorce and child support", "family")]
    [InlineData("My landlord keeps my deposit", "neighbours")]
    [InlineData("I was injured in a traffic accident", "injury")]
    [InlineData("The shop refuses a refund", "consumer")]
    [InlineData("My husband hits me and threatens me", "violence")]
    [InlineData("I need a document certified by a notary", "documents")]
    [InlineData("ＭＹ ＢＯＳＳ ＯＷＥＳ ＭＥ ＷＡＧＥＳ", "work")] // full-width letters, as a Chinese keyboard may type them
    public void ASentence_IsUnderstoodAsItsGroup(string sentence, string group) =>
        Assert.Equal(group, Words.Understand(sentence).Best);

    [Fact]
    public void TheLongestKeyword_Wins_AndEachCharacterCountsOnce()
    {
        var found = Words.Understand("拖欠工资").Words.Select(w => w.Word).ToList();
        Assert.Contains("拖欠工资", found);
        Assert.DoesNotContain("工资", found);
    }

    [Fact]
    public void EnglishStems_StartWords_SoNoKeywordIsFoundInsideAnother()
    {
        // "heir" is not in "their", "rent" not in "current", "owe" not in "power"; a stem does find its longer words.
        Assert.Empty(Words.Understand("their cat has power over the current flat").Words);
        Assert.Equal("injury", Words.Understand("injured").Best);
    }

    [Fact]
    public void NothingUnderstood_IsNoGroup()
    {
        Assert.Null(Words.Understand("今天天气很好").Best);
        Assert.Null(Words.Understand("").Best);
        Assert.Null(Words.Understand(null).Best);
    }

    [Fact]
    public void EveryKeyword_MapsToAGroupOfTheTree_AndEveryGroupHasWordsInBothLanguages()
    {
        Assert.All(Words.Rows, r => Assert.Contains(r.Group, Groups));
        foreach (var group in Groups)
        {
            Assert.True(Words.Rows.Count(r => r.Group == group && r.Lang == "zh") >= 8, group);
            Assert.True(Words.Rows.Count(r => r.Group == group && r.Lang == "en") >= 8, group);
        }
        // Each keyword, alone, is understood as its own group (no other keyword of the same language takes it over).
        Assert.All(Words.Rows, r => Assert.Contains(r.Group, Words.Understand(r.Keyword).Groups.Select(g => g.Group)));
        Assert.Throws<InvalidDataException>(() => ProblemWords.Read("group\tlang\tkeyword\tweight\nastrology\tzh\t星座\t2\n", Groups));
        Assert.Throws<InvalidDataException>(() => ProblemWords.Read("group\tlang\tkeyword\tweight\nwork\tzh\t工资\t9\n", Groups));
    }
}

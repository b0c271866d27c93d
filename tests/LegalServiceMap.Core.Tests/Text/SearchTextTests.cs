using LegalServiceMap.Core.Text;

namespace LegalServiceMap.Core.Tests.Text;

public class SearchTextTests
{
    [Theory]
    [InlineData("Jing'an", "jingan")]
    [InlineData("JING AN", "jingan")]
    [InlineData("Ｊｉｎｇ’ａｎ", "jingan")]
    [InlineData("南京西路 1168 号", "南京西路1168号")]
    [InlineData("West-Nanjing Road", "westnanjingroad")]
    public void Fold_Variants_FoldToTheSameText(string input, string expected) =>
        Assert.Equal(expected, SearchText.Fold(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Fold_Empty_IsEmpty(string? input) => Assert.Equal("", SearchText.Fold(input));

    [Fact]
    public void Fold_IsIdempotent()
    {
        foreach (var s in new[] { "Jing'an Temple Sub-district", "中共二大会址纪念馆", "Ｎｏ．１２", "a|b" })
        {
            Assert.Equal(SearchText.Fold(s), SearchText.Fold(SearchText.Fold(s)));
        }
    }

    [Fact]
    public void Document_SeparatesFields_SoAMatchCannotSpanTwoFields()
    {
        var doc = SearchText.Document("静安公证处", "Notary");
        Assert.DoesNotContain(SearchText.Fold("公证处Notary"), doc);
        Assert.Contains("公证处", doc);
    }
}

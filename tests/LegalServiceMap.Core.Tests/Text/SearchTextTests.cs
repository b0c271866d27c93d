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

    [Theory]
    [InlineData("南京\0西路", "南京西路")]
    [InlineData("abc\u0000\u0007\r\n", "abc")]
    [InlineData("静\u200B安", "静安")]
    [InlineData("𠀀", "𠀀")]
    public void Fold_DropsControlAndFormatCharactersAndUnpairedSurrogates_AndNeverThrows(string text, string expected)
    {
        Assert.Equal(expected, SearchText.Fold(text));
    }

    [Fact]
    public void Fold_DropsUnpairedSurrogates_WhichWouldMakeNormalizationThrow()
    {
        // Built in code: a test runner's theory data would replace a lone surrogate before it got here.
        Assert.Equal("abc", SearchText.Fold("ab" + (char)0xD800 + "c"));
        Assert.Equal("x", SearchText.Fold("x" + (char)0xDC00));
        Assert.Equal("a𠀀", SearchText.Fold("a" + (char)0xD840 + (char)0xDC00));
    }

    [Fact]
    public void QueryValues_ParseOnlyWellFormedNumbersInRange()
    {
        Assert.Equal(15, QueryValues.Int("15", 1, 60));
        Assert.Null(QueryValues.Int("abc", 1, 60));
        Assert.Null(QueryValues.Int("NaN", 1, 60));
        Assert.Null(QueryValues.Int("99999999999", 1, 60));
        Assert.Null(QueryValues.Int("61", 1, 60));
        Assert.Null(QueryValues.Finite("Infinity"));
        Assert.Null(QueryValues.Finite("1e309"));
        Assert.Equal(31.25, QueryValues.Finite(" 31.25 "));
    }
}

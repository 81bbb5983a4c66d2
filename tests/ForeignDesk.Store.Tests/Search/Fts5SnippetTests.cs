using ForeignDesk.Store.Sqlite;
using Xunit;

namespace ForeignDesk.Store.Tests.Search;

public sealed class Fts5SnippetTests
{
    private static string Shown(string snippet) => snippet.Replace(SearchHits.MatchOpen, '[').Replace(SearchHits.MatchClose, ']');

    [Fact]
    public void Make_ShortText_IsWholeWithTheMatchesMarked()
    {
        var snippet = Fts5Snippet.Make("The budget of the year, and its budget lines.", Fts5Snippet.ReadMatches("0:1:1,0:7:1,1:8:1"));

        Assert.Equal("The [budget] of the year, and its [budget] [lines].", Shown(snippet));
    }

    [Fact]
    public void Make_Phrase_IsMarkedOnceOverItsWords()
    {
        var snippet = Fts5Snippet.Make("A long budget debate ended.", Fts5Snippet.ReadMatches("0:2:2"));

        Assert.Equal("A long [budget debate] ended.", Shown(snippet));
    }

    [Fact]
    public void Make_LongText_ShowsTheWordsAroundTheMatchesWithEllipses()
    {
        var words = Enumerable.Range(0, 100).Select(i => $"w{i}").ToList();
        words[50] = "harbour";
        words[53] = "strike";

        var snippet = Shown(Fts5Snippet.Make(string.Join(' ', words), Fts5Snippet.ReadMatches("0:50:1,1:53:1"), words: 10));

        Assert.Equal("…w47 w48 w49 [harbour] w51 w52 [strike] w54 w55 w56…", snippet);
    }

    [Fact]
    public void Make_PrefersTheFragmentWithMoreDistinctWords()
    {
        var words = Enumerable.Range(0, 60).Select(i => $"w{i}").ToList();
        var snippet = Shown(Fts5Snippet.Make(string.Join(' ', words), Fts5Snippet.ReadMatches("0:5:1,0:7:1,0:9:1,0:40:1,1:42:1"), words: 6));

        Assert.Contains("[w40]", snippet);
        Assert.Contains("[w42]", snippet);
        Assert.DoesNotContain("[w5]", snippet);
    }

    [Fact]
    public void Make_NoMatch_ShowsTheFirstWords()
    {
        Assert.Equal("one two three…", Fts5Snippet.Make("one two three four five", [], words: 3));
    }

    [Fact]
    public void Tokens_SplitAsTheIndexDoes_LettersNumbersAndMarksOnly()
    {
        const string text = "Día 3: l'été — 42,5 % naïve café 東京";

        var tokens = Fts5Snippet.Tokens(text).Select(t => text[t.Start..t.End]);

        Assert.Equal(["Día", "3", "l", "été", "42", "5", "naïve", "café", "東京"], tokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x:1:1")]
    [InlineData("1:2")]
    public void ReadMatches_UnreadableText_IsNone(string text)
    {
        Assert.Empty(Fts5Snippet.ReadMatches(text));
    }

    [Fact]
    public void Make_MatchBeyondTheText_IsIgnored()
    {
        Assert.Equal("a [b] c", Shown(Fts5Snippet.Make("a b c", Fts5Snippet.ReadMatches("0:1:1,0:99:1"))));
    }
}

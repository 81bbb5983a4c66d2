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
    public void Make_ManyMatches_ShowsTheFragmentTheDefinitionPicks()
    {
        // The fragment, as defined: of the windows starting at a match, the one holding the most distinct phrases, then
        // the most matches, then the earliest; centred on the matches it holds. Checked against random texts and matches.
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var count = random.Next(1, 120);
            var words = random.Next(1, 30);
            var matches = Enumerable.Range(0, random.Next(0, 60))
                .Select(_ => new Fts5Snippet.Match(random.Next(0, 4), random.Next(-2, count + 3), random.Next(1, 4))).ToList();
            var text = string.Join(' ', Enumerable.Range(0, count).Select(i => $"w{i}"));
            var (first, last) = DefinedFragment(count, matches, words);

            var shown = Shown(Fts5Snippet.Make(text, matches, words)).Trim('…');
            var firstShown = int.Parse(shown.Split(' ')[0].Trim('[', ']')[1..], System.Globalization.CultureInfo.InvariantCulture);
            var lastShown = int.Parse(shown.Split(' ')[^1].Trim('[', ']')[1..], System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal((first, last), (firstShown, lastShown));
        }
    }

    private static (int First, int Last) DefinedFragment(int count, IReadOnlyList<Fts5Snippet.Match> matches, int words)
    {
        if (count <= words) return (0, count - 1);
        var inRange = matches.Where(m => m.Token >= 0 && m.Token < count).ToList();
        if (inRange.Count == 0) return (0, words - 1);
        var (bestStart, bestScore, bestEnd) = (0, -1, 0);
        foreach (var start in inRange.Select(m => m.Token).Distinct().Order())
        {
            var held = inRange.Where(m => m.Token >= start && m.Token + m.Tokens <= start + words).ToList();
            var score = held.Select(m => m.Phrase).Distinct().Count() * 1000 + held.Count;
            if (score <= bestScore) continue;
            (bestStart, bestScore, bestEnd) = (start, score, held.Count == 0 ? start : held.Max(m => m.Token + m.Tokens - 1));
        }
        var first = Math.Clamp(bestStart - (words - (bestEnd - bestStart + 1)) / 2, 0, count - words);
        return (first, first + words - 1);
    }

    [Theory]
    [InlineData("0:5:1,1:7:2", 2)]
    [InlineData("0:5:1,,1:7:2", 2)]
    [InlineData("0:5:1:9,1:7:2", 1)]
    [InlineData("0:5,1:7:2,x:1:1", 1)]
    public void ReadMatches_ReadsEachWellFormedTriple(string text, int expected)
    {
        Assert.Equal(expected, Fts5Snippet.ReadMatches(text).Count);
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

using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class ParagraphDiffTests
{
    private static Paragraph[] P(params string[] texts) => [.. texts.Select(t => new Paragraph("p", t, t))];

    private static string Show(IReadOnlyList<ParagraphDiffLine> diff) =>
        string.Join(" | ", diff.Select(l => l.Change switch
        {
            ParagraphChange.Same => "=" + l.Before!.Text,
            ParagraphChange.Added => "+" + l.After!.Text,
            ParagraphChange.Removed => "-" + l.Before!.Text,
            _ => $"{l.Before!.Text}>{l.After!.Text}",
        }));

    [Theory]
    [InlineData("A B C", "A B C", "=A | =B | =C")]
    [InlineData("A B C", "A B2 C D", "=A | B>B2 | =C | +D")]
    [InlineData("A B C", "A C", "=A | -B | =C")]
    [InlineData("A B C", "X A B C", "+X | =A | =B | =C")]
    [InlineData("A B C D", "A X Y D", "=A | B>X | C>Y | =D")]
    [InlineData("A B", "", "-A | -B")]
    [InlineData("", "A", "+A")]
    [InlineData("A B C", "C B A", "-A | -B | =C | +B | +A")]
    public void Of_KeepsTheLongestSharedRun_PairsRemovalsWithAdditionsAsChanges(string before, string after, string expected)
    {
        var diff = ParagraphDiff.Of(P(before.Split(' ', StringSplitOptions.RemoveEmptyEntries)), P(after.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(expected, Show(diff));
        Assert.Equal(diff.Count(l => l.Change != ParagraphChange.Same), ParagraphDiff.ChangedCount(diff));
    }

    [Fact]
    public void Of_ComparesKindAndText_NotMarkupOrOuterSpaces()
    {
        Paragraph[] before = [new("p", "The <b>budget</b>", "The budget"), new("h2", "Keys", "Keys")];
        Paragraph[] after = [new("p", "The budget ", "The budget "), new("p", "Keys", "Keys")];
        Assert.Equal("=The budget | Keys>Keys", Show(ParagraphDiff.Of(before, after)));
    }
}

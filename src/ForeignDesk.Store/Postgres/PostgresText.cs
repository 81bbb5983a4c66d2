using System.Globalization;
using System.Text;

namespace ForeignDesk.Store.Postgres;

/// <summary>
/// Where PostgreSQL's text search parser reads text otherwise than SQLite's tokenizer (letters, digits, marks and
/// symbols), and how the store makes up for it: symbols (emoji and the like), which the parser skips, are indexed and
/// searched as lexemes of their own; and <c>&lt;</c>, with which the parser would read an HTML tag (and skip a script's
/// content), is replaced by <see cref="LessThan"/> in the text it parses and put back in snippets.
/// </summary>
internal static class PostgresText
{
    /// <summary>A private-use character that stands for <c>&lt;</c> in parsed text.</summary>
    public const char LessThan = '\uE002';

    /// <summary>The symbol blocks indexed as lexemes: Latin-1 symbols and fractions, number forms, technical symbols,
    /// enclosed alphanumerics, shapes, dingbats, arrows, enclosed CJK, emoji and their variation selector.</summary>
    private static readonly (int First, int Last)[] SymbolRanges =
    [
        (0x00A6, 0x00A6), (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x00B0, 0x00B0), (0x00B2, 0x00B3), (0x00B9, 0x00B9), (0x00BC, 0x00BE),
        (0x2150, 0x218F), (0x2300, 0x23FF), (0x2460, 0x24FF), (0x2500, 0x27BF), (0x2B00, 0x2BFF), (0x3200, 0x33FF),
        (0xFE0F, 0xFE0F), (0x1F000, 0x1FAFF),
    ];

    public static bool IsSymbol(Rune rune) => SymbolRanges.Any(r => rune.Value >= r.First && rune.Value <= r.Last);

    /// <summary>The runs of symbols in a word, each searched as one lexeme.</summary>
    public static IEnumerable<string> SymbolRuns(string word)
    {
        var run = new StringBuilder();
        foreach (var rune in word.EnumerateRunes())
        {
            if (IsSymbol(rune))
            {
                run.Append(rune.ToString());
                continue;
            }
            if (run.Length > 0) yield return run.ToString();
            run.Clear();
        }
        if (run.Length > 0) yield return run.ToString();
    }

    /// <summary>Whether the parser finds anything but symbols in the word (letters or digits it reads as words).</summary>
    public static bool HasWords(string word) => word.EnumerateRunes().Any(r => !IsSymbol(r) && Rune.IsLetterOrDigit(r));

    /// <summary>The regular-expression class of the symbols, for SQL.</summary>
    public static string SymbolClass() =>
        "[" + string.Concat(SymbolRanges.Select(r => r.First == r.Last ? Escape(r.First) : $"{Escape(r.First)}-{Escape(r.Last)}")) + "]";

    private static string Escape(int codePoint) => codePoint > 0xFFFF
        ? $"\\U{codePoint.ToString("X8", CultureInfo.InvariantCulture)}"
        : $"\\u{codePoint.ToString("X4", CultureInfo.InvariantCulture)}";
}

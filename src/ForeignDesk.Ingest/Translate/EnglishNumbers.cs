using ForeignDesk.Core;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Writes the numbers of a translation into English the English way when the source language writes them with a
/// decimal comma: "3,5" becomes "3.5" and "1.250.000,75" becomes "1,250,000.75". Apertium copies numbers as they
/// are. Only free-standing numbers change, never parts of words, URLs or times such as "10.30".
/// </summary>
internal static partial class EnglishNumbers
{
    /// <summary>The filter for a language pair, or null when numbers stay as they are.</summary>
    public static Func<string, string>? For(string from, string to) =>
        to.Equals("en", StringComparison.OrdinalIgnoreCase) && NumberNotation.WritesDecimalComma(from) ? Localize : null;

    public static string Localize(string text)
    {
        if (!text.Any(char.IsAsciiDigit)) return text;
        text = Grouped().Replace(text, m => Swap(m.Value));
        return Decimal().Replace(text, m => m.Value.Replace(',', '.'));
    }

    private static string Swap(string number) =>
        string.Create(number.Length, number, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = source[i] switch { '.' => ',', ',' => '.', var c => c };
        });

    /// <summary>Thousands grouped with full stops, with or without decimals: 1.250.000 or 12.500,5.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,/=?&#@_-])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\p{L}\p{N}_/]|[.,]\d)")]
    private static partial Regex Grouped();

    /// <summary>A decimal comma: 3,5 or 0,25.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,/=?&#@_-])\d+,\d+(?![\p{L}\p{N}_/]|[.,]\d)")]
    private static partial Regex Decimal();
}

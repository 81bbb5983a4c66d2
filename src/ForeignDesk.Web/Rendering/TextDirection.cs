using System.Collections.Frozen;
using ForeignDesk.Core;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// Which way text in a language is written, decided here for the whole site: every block of original text carries its
/// <c>lang</c> and, when its language is written right to left, <c>dir="rtl"</c>.
/// </summary>
internal static class TextDirection
{
    /// <summary>Languages written right to left (ISO 639-1 where there is a code, else ISO 639-3; old codes too).</summary>
    private static readonly FrozenSet<string> RightToLeftLanguages = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "ar", "he", "iw", "fa", "ur", "ps", "yi", "ji", "ckb", "dv", "sd", "ug", "syr", "arz", "ary", "apc", "prs", "pnb", "bal", "azb", "lrc", "mzn", "glk");

    /// <summary>Scripts written right to left (ISO 15924), for tags that name their script ("az-Arab", "sd-Deva").</summary>
    private static readonly FrozenSet<string> RightToLeftScripts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Mand", "Samr", "Rohg", "Yezi");

    /// <summary>True when text in <paramref name="language"/> (a code such as "ar", "fa-IR" or "pa-Arab") runs right to left.</summary>
    public static bool IsRightToLeft(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return false;
        var parts = language.Split('-', '_');
        // A script subtag is four letters and decides by itself: "sd-Deva" is left to right, "pa-Arab" right to left.
        foreach (var part in parts.Skip(1))
            if (part.Length == 4 && char.IsAsciiLetter(part[0])) return RightToLeftScripts.Contains(part);
        return RightToLeftLanguages.Contains(parts[0]);
    }

    /// <summary>The attributes of a block of text in <paramref name="language"/>: <c> lang="…"</c>, and <c> dir="rtl"</c> when it runs right to left.</summary>
    public static TrustedHtml Attributes(string? language)
    {
        var lang = $" lang=\"{HtmlBuilder.Encode(language)}\"";
        return new TrustedHtml(IsRightToLeft(language) ? lang + " dir=\"rtl\"" : lang);
    }

    /// <summary>The attributes of an article's title in a list: English when translated, else the original's language.</summary>
    public static TrustedHtml TitleAttributes(ArticleSummary article) =>
        Attributes(article.State == ArticleState.Translated ? "en" : article.Language);
}

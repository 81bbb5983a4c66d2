using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// The glossary entries for one source language (and source), applied to units before translation: each term is
/// replaced by its output and wrapped in <c>&lt;span translate="no"&gt;</c>, which Apertium carries as a
/// superblank and the cloud engines leave alone; the wrapper is removed again afterwards.
/// </summary>
public sealed partial class GlossaryTerms
{
    private const string KeepTag = "<span translate=\"no\">";
    private readonly Dictionary<string, string> outputs;
    private readonly Regex? matcher;

    private GlossaryTerms(IReadOnlyList<GlossaryEntry> entries)
    {
        // A source-specific entry wins over a general one for the same term.
        outputs = entries.OrderBy(e => e.Source is null ? 0 : 1)
            .GroupBy(e => e.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Output, StringComparer.Ordinal);
        Version = outputs.Count == 0 ? "none" : Hash(outputs);
        if (outputs.Count == 0) return;
        var alternatives = outputs.Keys.OrderByDescending(t => t.Length).Select(Regex.Escape);
        matcher = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant);
    }

    public static GlossaryTerms Empty { get; } = new([]);

    /// <summary>A hash of the entries that apply, or "none": part of the translation memory's key.</summary>
    public string Version { get; }

    public int Count => outputs.Count;

    /// <summary>The terms with what a translation must show for each, for <see cref="TranslationChecks"/>.</summary>
    public IReadOnlyList<GlossaryName> Names => [.. outputs.Select(o => new GlossaryName(o.Key, o.Value))];

    public static GlossaryTerms For(IEnumerable<GlossaryEntry> entries, string language, string? source) =>
        new(entries.Where(e => string.Equals(e.Language, language, StringComparison.OrdinalIgnoreCase)
            && (e.Source is null || string.Equals(e.Source, source, StringComparison.OrdinalIgnoreCase))).ToList());

    /// <summary>
    /// The unit as HTML with its terms protected, or null when no term occurs in it. A text unit is HTML-encoded
    /// first; an HTML unit is changed only in its text, never inside tags.
    /// </summary>
    public string? Protect(string unit, SegmentFormat format)
    {
        if (matcher is null) return null;
        var html = format == SegmentFormat.Html ? unit : Encode(unit);
        var changed = false;
        var result = new StringBuilder();
        var last = 0;
        foreach (Match tag in AnyTag().Matches(html))
        {
            result.Append(Wrap(html[last..tag.Index], ref changed)).Append(tag.Value);
            last = tag.Index + tag.Length;
        }
        result.Append(Wrap(html[last..], ref changed));
        return changed ? result.ToString() : null;
    }

    /// <summary>A translated unit with the protecting wrappers removed, in the unit's own format.</summary>
    public static string Unprotect(string translatedHtml, SegmentFormat format)
    {
        var keeps = new Stack<bool>();
        var html = Span().Replace(translatedHtml, match =>
        {
            if (!match.Value.StartsWith("</", StringComparison.Ordinal))
            {
                var ours = match.Value == KeepTag;
                keeps.Push(ours);
                return ours ? "" : match.Value;
            }
            return keeps.Count > 0 && keeps.Pop() ? "" : match.Value;
        });
        return format == SegmentFormat.Html ? html : WebUtility.HtmlDecode(AnyTag().Replace(html, ""));
    }

    /// <summary>A run of HTML text with its terms wrapped; matched on the decoded text.</summary>
    private string Wrap(string encoded, ref bool changed)
    {
        if (encoded.Length == 0) return encoded;
        var text = WebUtility.HtmlDecode(encoded);
        var matches = matcher!.Matches(text);
        if (matches.Count == 0) return encoded;
        changed = true;
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in matches)
        {
            result.Append(Encode(text[last..match.Index]))
                .Append(KeepTag).Append(Encode(outputs[match.Value])).Append("</span>");
            last = match.Index + match.Length;
        }
        return result.Append(Encode(text[last..])).ToString();
    }

    private static string Encode(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Hash(Dictionary<string, string> outputs)
    {
        var text = string.Join('\n', outputs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + '\t' + p.Value));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"<span\b[^>]*>|</span\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex Span();
}

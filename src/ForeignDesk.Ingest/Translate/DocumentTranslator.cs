using System.Text;
using System.Text.RegularExpressions;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>The translation of a whole document, with how it was made.</summary>
public sealed record TranslatedDocument(string Text, string Engine, string Route, double UnknownWordShare, int Units);

/// <summary>
/// Translates a document as <c>foreigndesk translate</c> reads it. Plain text keeps its lines: each non-empty line
/// is one unit, empty lines and line ends stay where they were (N lines in, N lines out); the engine may read the
/// lines as one text, as it would the file (<see cref="TranslationRequest.LinesOfOneText"/>). HTML keeps its markup:
/// each run of text and inline elements between block-level tags is one unit; tags, comments, scripts and styles
/// are copied unchanged.
/// </summary>
public static partial class DocumentTranslator
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "title", "meta", "link", "p", "div", "section", "article", "main", "header", "footer",
        "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "figure", "figcaption", "hr", "address",
        "details", "summary", "form", "fieldset", "legend", "option",
    };

    private static readonly HashSet<string> Verbatim = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "pre", "code", "textarea", "svg", "math" };

    /// <summary>Whether the input holds HTML tags.</summary>
    public static bool LooksLikeHtml(string input) => AnyTag().IsMatch(input);

    public static async Task<TranslatedDocument> TranslateTextAsync(
        string input, string from, string to, ITranslationEngine engine, CancellationToken cancellationToken)
    {
        var lines = input.Split('\n');
        var units = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0) units.Add(i);
        }
        var result = await TranslateUnitsAsync(units.Select(i => lines[i].TrimEnd('\r')).ToList(), from, to, SegmentFormat.Text, engine, linesOfOneText: true, cancellationToken);
        for (var k = 0; k < units.Count; k++)
        {
            var line = lines[units[k]];
            var lineEnd = line.EndsWith('\r') ? "\r" : "";
            lines[units[k]] = result.Segments[k].Replace("\r", "").Replace('\n', ' ') + lineEnd;
        }
        return new TranslatedDocument(string.Join('\n', lines), result.Engine, result.Route, result.UnknownWordShare, units.Count);
    }

    public static async Task<TranslatedDocument> TranslateHtmlAsync(
        string input, string from, string to, ITranslationEngine engine, CancellationToken cancellationToken)
    {
        // The document as a list of pieces: fixed ones (block tags, verbatim content) and units to translate.
        var pieces = new List<(string Text, bool Unit)>();
        var run = new StringBuilder();
        void Flush()
        {
            if (run.Length == 0) return;
            pieces.Add((run.ToString(), true));
            run.Clear();
        }

        var last = 0;
        string? verbatim = null;
        foreach (Match tag in AnyTag().Matches(input))
        {
            var before = input[last..tag.Index];
            last = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value;
            var closing = tag.Groups["close"].Success;
            if (verbatim is not null)
            {
                pieces.Add((before + tag.Value, false));
                if (closing && name.Equals(verbatim, StringComparison.OrdinalIgnoreCase)) verbatim = null;
                continue;
            }
            run.Append(before);
            if (name.Length == 0 || Blocks.Contains(name) || Verbatim.Contains(name))
            {
                Flush();
                pieces.Add((tag.Value, false));
                if (!closing && Verbatim.Contains(name) && !tag.Value.EndsWith("/>", StringComparison.Ordinal)) verbatim = name;
                continue;
            }
            run.Append(tag.Value);
        }
        if (verbatim is not null) pieces.Add((input[last..], false));
        else run.Append(input[last..]);
        Flush();

        var unitIndexes = new List<int>();
        var units = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (!pieces[i].Unit) continue;
            var text = pieces[i].Text;
            if (AnyTag().Replace(text, "").Trim().Length == 0)
            {
                pieces[i] = (text, false);
                continue;
            }
            unitIndexes.Add(i);
            units.Add(text.Trim());
        }

        var result = await TranslateUnitsAsync(units, from, to, SegmentFormat.Html, engine, linesOfOneText: false, cancellationToken);
        var output = new StringBuilder(input.Length + input.Length / 4);
        var next = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var text = pieces[i].Text;
            if (next < unitIndexes.Count && unitIndexes[next] == i)
            {
                output.Append(text[..(text.Length - text.TrimStart().Length)])
                    .Append(result.Segments[next])
                    .Append(text[text.TrimEnd().Length..]);
                next++;
            }
            else output.Append(text);
        }
        return new TranslatedDocument(output.ToString(), result.Engine, result.Route, result.UnknownWordShare, units.Count);
    }

    private static async Task<TranslationResult> TranslateUnitsAsync(
        IReadOnlyList<string> units, string from, string to, SegmentFormat format, ITranslationEngine engine, bool linesOfOneText,
        CancellationToken cancellationToken)
    {
        if (units.Count == 0) return new TranslationResult([], engine.Name, engine.RouteFor(from, to) ?? "", 0);
        var result = await engine.TranslateAsync(new TranslationRequest(from, to, units, format) { LinesOfOneText = linesOfOneText }, cancellationToken);
        if (result.Segments.Count != units.Count)
            throw new TranslationException($"{result.Engine} returned {result.Segments.Count} segments for {units.Count}.");
        return result;
    }

    /// <summary>A tag, a comment, a doctype or a processing instruction.</summary>
    [GeneratedRegex(@"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?][^>]*>|<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex AnyTag();
}

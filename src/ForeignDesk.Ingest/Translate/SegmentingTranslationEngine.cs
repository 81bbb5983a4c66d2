using System.Text;
using System.Text.RegularExpressions;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Keeps units whole unless one is longer than the engine takes: only then is it cut into sentences (in HTML,
/// only where no inline element is open), the sentences packed back into pieces as large as the limit allows,
/// sent in the same request and joined again.
/// </summary>
public sealed partial class SegmentingTranslationEngine(ITranslationEngine inner, int maxUnitChars) : ITranslationEngine
{
    public string Name => inner.Name;

    public string? RouteFor(string from, string to) => inner.RouteFor(from, to);

    public string? VersionFor(string from, string to) => inner.VersionFor(from, to);

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        if (request.Segments.All(s => s.Length <= maxUnitChars)) return await inner.TranslateAsync(request, cancellationToken);

        var pieces = new List<string>();
        var owners = new List<int>();
        for (var i = 0; i < request.Segments.Count; i++)
        {
            var parts = request.Segments[i].Length <= maxUnitChars
                ? [request.Segments[i]]
                : Pack(request.Format == SegmentFormat.Html
                    ? SplitHtml(request.Segments[i], request.From)
                    : SentenceSplitter.SplitToFit(request.Segments[i], request.From, maxUnitChars));
            foreach (var part in parts)
            {
                pieces.Add(part);
                owners.Add(i);
            }
        }

        var result = await inner.TranslateAsync(request with { Segments = pieces }, cancellationToken);
        if (result.Segments.Count != pieces.Count)
            throw new TranslationException($"{result.Engine} returned {result.Segments.Count} segments for {pieces.Count}.");
        var joined = new StringBuilder[request.Segments.Count];
        for (var k = 0; k < pieces.Count; k++)
        {
            var builder = joined[owners[k]] ??= new StringBuilder();
            builder.Append(result.Segments[k].TrimEnd());
            var continues = k + 1 < pieces.Count && owners[k + 1] == owners[k];
            builder.Append(continues ? " " : pieces[k][pieces[k].TrimEnd().Length..]);
        }
        return result with { Segments = joined.Select(b => b.ToString()).ToList() };
    }

    /// <summary>Sentences packed greedily into pieces no longer than the limit (a longer sentence stays whole).</summary>
    private List<string> Pack(IReadOnlyList<string> sentences)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (current.Length > 0 && current.Length + sentence.Length > maxUnitChars)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
            current.Append(sentence);
        }
        if (current.Length > 0) pieces.Add(current.ToString());
        return pieces;
    }

    /// <summary>An HTML unit cut at the sentence ends that lie outside every inline element.</summary>
    private static List<string> SplitHtml(string html, string language)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var last = 0;

        void Text(string text)
        {
            if (depth > 0)
            {
                current.Append(text);
                return;
            }
            var parts = SentenceSplitter.Split(text, language);
            for (var i = 0; i < parts.Count; i++)
            {
                current.Append(parts[i]);
                if (i < parts.Count - 1)
                {
                    sentences.Add(current.ToString());
                    current.Clear();
                }
            }
        }

        foreach (Match tag in Tag().Matches(html))
        {
            Text(html[last..tag.Index]);
            current.Append(tag.Value);
            last = tag.Index + tag.Length;
            var isVoid = tag.Value.EndsWith("/>", StringComparison.Ordinal) || tag.Groups["name"].Value.ToLowerInvariant() is "br" or "img" or "hr" or "wbr";
            if (tag.Groups["close"].Success) depth = Math.Max(0, depth - 1);
            else if (!isVoid) depth++;
        }
        Text(html[last..]);
        if (current.Length > 0) sentences.Add(current.ToString());
        return sentences;
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")]
    private static partial Regex Tag();
}

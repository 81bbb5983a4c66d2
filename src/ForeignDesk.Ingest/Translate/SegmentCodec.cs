using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>Turns segments into one Apertium request and the reply back into segments, in text or HTML.</summary>
/// <param name="textFilter">Applied to every piece of translated text (never to markup), for example <see cref="EnglishNumbers"/>.</param>
/// <param name="lines">
/// Text segments are lines of one text: they are written as <c>apertium-destxt</c> writes a file, joined by line-feed
/// superblanks with no sentence end between them, so that Apertium reads them exactly as it reads the file.
/// Otherwise each segment ends as a sentence and segments are joined by ForeignDesk's own marker.
/// </param>
internal sealed class SegmentCodec(SegmentFormat format, Func<string, string>? textFilter = null, bool lines = false)
{
    /// <summary>Whether replies are split at line-feed superblanks (<see cref="ApertiumReply.Parse(string, bool)"/>).</summary>
    public bool Lines => lines && format == SegmentFormat.Text;

    private readonly List<InlineHtml> markup = [];

    public (string Request, int SourceWords) Write(IReadOnlyList<string> segments)
    {
        markup.Clear();
        var writer = new ApertiumStreamWriter();
        if (Lines)
        {
            for (var i = 0; i < segments.Count; i++)
            {
                if (i > 0) writer.LineBreak();
                writer.Text(segments[i].ReplaceLineEndings(" ").Trim(), collapseWhitespace: false);
            }
            writer.SentenceEnd();
            writer.End();
            return (writer.ToString(), writer.SourceWords);
        }
        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0) writer.SegmentBreak();
            if (format == SegmentFormat.Html)
            {
                var html = InlineHtml.Parse(segments[i]);
                markup.Add(html);
                html.WriteTo(writer);
            }
            else
            {
                writer.Text(segments[i].Trim(), collapseWhitespace: false);
            }
            writer.SentenceEnd();
        }
        writer.End();
        return (writer.ToString(), writer.SourceWords);
    }

    public string[] Read(IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<ReplyToken>> replies)
    {
        var results = new string[sources.Count];
        if (textFilter is not null)
        {
            replies = replies.Select(tokens => (IReadOnlyList<ReplyToken>)tokens
                .Select(t => t.Kind == ReplyTokenKind.Text ? t with { Value = textFilter(t.Value) } : t).ToList()).ToList();
        }
        for (var i = 0; i < sources.Count; i++)
        {
            if (format == SegmentFormat.Html)
            {
                results[i] = markup[i].Rebuild(replies[i]);
                continue;
            }
            var text = string.Concat(replies[i].Where(t => t.Kind == ReplyTokenKind.Text).Select(t => t.Value)).Trim();
            var source = sources[i];
            var lead = source[..(source.Length - source.TrimStart().Length)];
            var tail = source[source.TrimEnd().Length..];
            results[i] = lead + text + tail;
        }
        return results;
    }
}

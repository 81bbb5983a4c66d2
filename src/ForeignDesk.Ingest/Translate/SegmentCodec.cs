using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>Turns segments into one Apertium request and the reply back into segments, in text or HTML.</summary>
/// <param name="textFilter">Applied to every piece of translated text (never to markup), for example <see cref="EnglishNumbers"/>.</param>
internal sealed class SegmentCodec(SegmentFormat format, Func<string, string>? textFilter = null)
{
    private readonly List<InlineHtml> markup = [];

    public (string Request, int SourceWords) Write(IReadOnlyList<string> segments)
    {
        markup.Clear();
        var writer = new ApertiumStreamWriter();
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

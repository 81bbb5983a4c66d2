using System.Text;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Writes text in Apertium's stream format, as <c>apertium-destxt</c> does, plus ForeignDesk's own superblanks:
/// markers for inline tags and segment breaks, and protected spans (URLs, e-mail addresses, the symbols Apertium
/// uses as unknown-word marks) that must come back unchanged.
/// </summary>
internal sealed partial class ApertiumStreamWriter
{
    public const string SegmentMarker = "fd:seg";

    /// <summary>The superblank of one line feed; Apertium gives superblanks back unchanged.</summary>
    public const string LineBreakBlank = "[\n]";
    private const string Special = "\\[]^$/@<>{}";
    private readonly StringBuilder builder = new();

    /// <summary>Words of source text written so far.</summary>
    public int SourceWords { get; private set; }

    public void Text(string text, bool collapseWhitespace)
    {
        text = text.Replace("\0", "");
        if (collapseWhitespace) text = Whitespace().Replace(text, " ");
        SourceWords += Word().Count(text);
        var last = 0;
        foreach (Match match in Protected().Matches(text))
        {
            Plain(text.AsSpan(last, match.Index - last));
            Blank(match.Value);
            last = match.Index + match.Length;
        }
        Plain(text.AsSpan(last));
    }

    /// <summary>Text that must come back unchanged (a kept term): one superblank, not counted as source words.</summary>
    public void Frozen(string text)
    {
        text = text.Replace("\0", "");
        if (text.Length > 0) Blank(text);
    }

    /// <summary>A ForeignDesk marker, kept by Apertium as a superblank; <paramref name="marker"/> is plain ASCII.</summary>
    public void Marker(string marker) => builder.Append('[').Append(marker).Append(']');

    /// <summary>A sentence end that the reader removes again, so that Apertium does not join units.</summary>
    public void SentenceEnd() => builder.Append(".[]");

    public void SegmentBreak() => Marker(SegmentMarker);

    /// <summary>A line break between two lines of one text, written as <c>apertium-destxt</c> writes it.</summary>
    public void LineBreak() => builder.Append(LineBreakBlank);

    /// <summary>Closes the request as <c>apertium-destxt</c> closes a file.</summary>
    public void End() => builder.Append("[\n]");

    public override string ToString() => builder.ToString();

    private void Plain(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                var end = i;
                while (end < text.Length && char.IsWhiteSpace(text[end])) end++;
                var run = text[i..end];
                // A single space before punctuation goes in a superblank: the reply drops the bare ones, which
                // Apertium leaves where its transfer dropped a word ("have stagnated ."), and keeps this one.
                if (run is " " && (end == text.Length || text[end] is not (',' or '.' or ';' or ':' or '!' or '?'))) builder.Append(' ');
                else Blank(run.ToString());
                i = end;
                continue;
            }
            if (c is '*' or '#' or '@' or '~') Blank(c.ToString());
            else Escaped(c);
            i++;
        }
    }

    private void Blank(string content)
    {
        builder.Append('[');
        foreach (var c in content) Escaped(c);
        builder.Append(']');
    }

    private void Escaped(char c)
    {
        if (Special.Contains(c)) builder.Append('\\');
        builder.Append(c);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*")]
    private static partial Regex Word();

    /// <summary>URLs, e-mail addresses and @handles, without trailing sentence punctuation.</summary>
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""]+?(?=[.,;:!?)\]»""']*(?:\s|$))|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Protected();
}

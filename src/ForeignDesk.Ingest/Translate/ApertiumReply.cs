using System.Text;

namespace ForeignDesk.Ingest.Translate;

internal enum ReplyTokenKind { Text, Marker }

/// <summary>A piece of a reply: translated text (unknown-word marks removed) or one of our markers.</summary>
internal readonly record struct ReplyToken(ReplyTokenKind Kind, string Value);

/// <summary>
/// Reads a reply as <c>apertium-retxt</c> would: unescapes, turns superblanks back into their content, drops the
/// sentence ends the writer inserted. It also strips the <c>*</c>, <c>#</c> and <c>@</c> marks of unknown words
/// (literal ones were sent inside superblanks, so every bare one is a mark) and counts them.
/// </summary>
internal sealed class ApertiumReply
{
    private ApertiumReply(IReadOnlyList<IReadOnlyList<ReplyToken>> segments, int unknownWords)
    {
        Segments = segments;
        UnknownWords = unknownWords;
    }

    /// <summary>The reply split at segment markers.</summary>
    public IReadOnlyList<IReadOnlyList<ReplyToken>> Segments { get; }

    public int UnknownWords { get; }

    public static ApertiumReply Parse(string reply)
    {
        var segments = new List<IReadOnlyList<ReplyToken>>();
        var tokens = new List<ReplyToken>();
        var text = new StringBuilder();
        var unknown = 0;
        var i = 0;

        void FlushText()
        {
            if (text.Length == 0) return;
            tokens.Add(new ReplyToken(ReplyTokenKind.Text, text.ToString()));
            text.Clear();
        }

        while (i < reply.Length)
        {
            var c = reply[i];
            if (c == '\\' && i + 1 < reply.Length)
            {
                // Some pairs' generators escape their unknown-word marks; a literal one was sent in a superblank.
                if (reply[i + 1] is '*' or '#' or '@')
                {
                    if (i == 0 || !IsMark(reply, i - 1)) unknown++;
                }
                else if (reply[i + 1] != '~') text.Append(reply[i + 1]);
                i += 2;
            }
            else if (c == '[')
            {
                var wordBound = i + 1 < reply.Length && reply[i + 1] == '[';
                var (content, next) = ReadBlank(reply, wordBound ? i + 2 : i + 1);
                i = wordBound && next < reply.Length && reply[next] == ']' ? next + 1 : next;
                if (wordBound) continue;
                if (content.Length == 0)
                {
                    if (text.Length > 0 && text[^1] == '.') text.Length--;
                }
                else if (content == ApertiumStreamWriter.SegmentMarker)
                {
                    FlushText();
                    segments.Add(tokens);
                    tokens = [];
                }
                else if (content.StartsWith("fd:", StringComparison.Ordinal))
                {
                    FlushText();
                    tokens.Add(new ReplyToken(ReplyTokenKind.Marker, content[3..]));
                }
                else
                {
                    text.Append(content);
                }
            }
            else if (c is '*' or '#' or '@' or '~')
            {
                if (c != '~' && (i == 0 || reply[i - 1] is not ('*' or '#' or '@'))) unknown++;
                i++;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        FlushText();
        if (tokens.Count > 0 && tokens[^1] is { Kind: ReplyTokenKind.Text } lastToken)
        {
            var trimmed = lastToken.Value.TrimEnd('\n');
            tokens[^1] = lastToken with { Value = trimmed };
        }
        segments.Add(tokens);
        return new ApertiumReply(segments, unknown);
    }

    /// <summary>Whether the character at <paramref name="at"/> ends an unknown-word mark (bare or escaped).</summary>
    private static bool IsMark(string reply, int at) => reply[at] is '*' or '#' or '@';

    private static (string Content, int Next) ReadBlank(string reply, int start)
    {
        var content = new StringBuilder();
        var i = start;
        while (i < reply.Length && reply[i] != ']')
        {
            if (reply[i] == '\\' && i + 1 < reply.Length) i++;
            content.Append(reply[i]);
            i++;
        }
        return (content.ToString(), Math.Min(i + 1, reply.Length));
    }
}

using System.Text;

namespace ForeignDesk.Ingest.Translate;

internal enum ReplyTokenKind { Text, Marker }

/// <summary>A piece of a reply: translated text (unknown-word marks removed) or one of our markers.</summary>
internal readonly record struct ReplyToken(ReplyTokenKind Kind, string Value);

/// <summary>
/// Reads a reply as <c>apertium-retxt</c> would: unescapes, turns superblanks back into their content, drops the
/// sentence ends the writer inserted. It also strips the <c>*</c>, <c>#</c> and <c>@</c> marks of unknown words
/// (literal ones were sent inside superblanks, so every bare one is a mark) and counts them. Where Apertium leaves two
/// spaces (a word its transfer dropped, often beside an unknown word whose mark is removed) one is kept, and where it
/// leaves a space before closing punctuation ("have stagnated .", "For what is known , he") none is; spaces of the
/// source, sent inside superblanks (<see cref="ApertiumStreamWriter"/> sends a space before punctuation as one), and
/// the content of markers are kept as they were.
/// </summary>
internal sealed class ApertiumReply
{
    private ApertiumReply(IReadOnlyList<IReadOnlyList<ReplyToken>> segments, int unknownWords)
    {
        Segments = segments;
        UnknownWords = unknownWords;
    }

    /// <summary>The reply split at segment markers (or at line-feed superblanks).</summary>
    public IReadOnlyList<IReadOnlyList<ReplyToken>> Segments { get; }

    public int UnknownWords { get; }

    /// <param name="lines">
    /// Split at line-feed superblanks instead of segment markers: the request was lines of one text
    /// (<see cref="ApertiumStreamWriter.LineBreak"/>), closed by one more line feed.
    /// </param>
    /// <param name="englishArticles">
    /// The reply is English: "a" before an unknown word that starts with a vowel becomes "an", as Apertium's
    /// post-generator makes it when it sees the word without its mark.
    /// </param>
    public static ApertiumReply Parse(string reply, bool lines = false, bool englishArticles = false)
    {
        var segments = new List<IReadOnlyList<ReplyToken>>();
        var tokens = new List<ReplyToken>();
        var text = new StringBuilder();
        var unknown = 0;
        var i = 0;
        // Whether the text ends with a space of Apertium's own (not one of a superblank).
        var afterBareSpace = false;

        void FlushText()
        {
            if (text.Length == 0) return;
            tokens.Add(new ReplyToken(ReplyTokenKind.Text, text.ToString()));
            text.Clear();
        }

        while (i < reply.Length)
        {
            var c = reply[i];
            if (c == ' ' && (afterBareSpace || BeforeClosingPunctuation(reply, i + 1)))
            {
                i++;
                continue;
            }
            // A mark (bare or escaped) between two spaces leaves nothing: the second space is dropped too.
            afterBareSpace = c == ' ' || (afterBareSpace && (IsMark(reply, i) || c == '~' || (c == '\\' && i + 1 < reply.Length && IsMark(reply, i + 1))));
            if (c == '\\' && i + 1 < reply.Length)
            {
                // Some pairs' generators escape their unknown-word marks; a literal one was sent in a superblank.
                if (reply[i + 1] is '*' or '#' or '@')
                {
                    if (i == 0 || !IsMark(reply, i - 1)) unknown++;
                    if (englishArticles) AgreeArticle(text, reply, i + 2);
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
                else if (lines ? content == "\n" : content == ApertiumStreamWriter.SegmentMarker)
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
                if (englishArticles && c != '~') AgreeArticle(text, reply, i + 1);
                i++;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        FlushText();
        // The line feed that closes a request of lines leaves nothing after it.
        if (lines && tokens.Count == 0 && segments.Count > 0) return new ApertiumReply(segments, unknown);
        if (tokens.Count > 0 && tokens[^1] is { Kind: ReplyTokenKind.Text } lastToken)
        {
            var trimmed = lastToken.Value.TrimEnd('\n');
            tokens[^1] = lastToken with { Value = trimmed };
        }
        segments.Add(tokens);
        return new ApertiumReply(segments, unknown);
    }

    /// <summary>Turns a text ending in the article "a " into "an " when the unknown word at <paramref name="next"/> starts with a vowel.</summary>
    private static void AgreeArticle(StringBuilder text, string reply, int next)
    {
        while (next < reply.Length && reply[next] is '*' or '#' or '@' or '\\') next++;
        if (next >= reply.Length || !"aeiouAEIOU".Contains(reply[next])) return;
        var n = text.Length;
        if (n < 2 || text[n - 1] != ' ' || text[n - 2] is not ('a' or 'A')) return;
        if (n > 2 && char.IsLetterOrDigit(text[n - 3])) return;
        text.Insert(n - 1, 'n');
    }

    /// <summary>
    /// Whether the reply goes on at <paramref name="at"/>, after any more bare spaces, with sentence punctuation that
    /// closes the word before it: a run of <c>, . ; : ! ?</c> followed by the end, a blank, a superblank or a closing
    /// bracket or quote (".NET" and ":-)" start a word and keep their space).
    /// </summary>
    private static bool BeforeClosingPunctuation(string reply, int at)
    {
        while (at < reply.Length && reply[at] == ' ') at++;
        var end = at;
        while (end < reply.Length && reply[end] is ',' or '.' or ';' or ':' or '!' or '?') end++;
        if (end == at) return false;
        return end == reply.Length || char.IsWhiteSpace(reply[end]) || reply[end] is '[' or ')' or ']' or '"' or '\'' or '»' or '”' or '’';
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

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// Builds a page from interpolated strings. Literal parts are markup; every interpolated value is HTML-encoded
/// unless it is a <see cref="TrustedHtml"/>.
/// </summary>
internal sealed class HtmlBuilder
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="capacity">Characters to make room for at first: a page's worth unless told.</param>
    public HtmlBuilder(int capacity = PageBuffers.Capacity) => Buffer = new StringBuilder(capacity);

    private HtmlBuilder(StringBuilder buffer) => Buffer = buffer;

    /// <summary>A whole page's builder, from <see cref="PageBuffers"/>: its <see cref="PageResult"/> gives it back.</summary>
    public static HtmlBuilder ForPage() => new(PageBuffers.Get());

    internal StringBuilder Buffer { get; }

    public HtmlBuilder Add([InterpolatedStringHandlerArgument("")] ref HtmlTemplate template) => this;

    public HtmlBuilder Raw(TrustedHtml html)
    {
        Buffer.Append(html.Value);
        return this;
    }

    public override string ToString() => Buffer.ToString();

    /// <summary>Encodes text for an element body or a quoted attribute value.</summary>
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    /// <summary>Encodes text into the page through a small stack buffer: no string is made for the encoded text.</summary>
    internal static void Encode(StringBuilder buffer, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        Span<char> piece = stackalloc char[512];
        ReadOnlySpan<char> rest = text;
        while (true)
        {
            var status = Encoder.Encode(rest, piece, out var read, out var written);
            buffer.Append(piece[..written]);
            if (status == OperationStatus.Done) return;
            rest = rest[read..];
        }
    }
}

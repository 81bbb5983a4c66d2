using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ForeignDesk.Web.Rendering;

/// <summary>The interpolation handler behind <see cref="HtmlBuilder.Add"/>: encodes by default.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlTemplate
{
    private readonly StringBuilder buffer;

    public HtmlTemplate(int literalLength, int formattedCount, HtmlBuilder builder)
    {
        buffer = builder.Buffer;
        buffer.EnsureCapacity(buffer.Length + literalLength + formattedCount * 16);
    }

    public void AppendLiteral(string value) => buffer.Append(value);

    public void AppendFormatted(TrustedHtml value) => buffer.Append(value.Value);

    public void AppendFormatted(string? value) => HtmlBuilder.Encode(buffer, value);

    public void AppendFormatted<T>(T value) =>
        HtmlBuilder.Encode(buffer, Convert.ToString(value, CultureInfo.InvariantCulture));

    public void AppendFormatted<T>(T value, string? format)
        where T : IFormattable =>
        HtmlBuilder.Encode(buffer, value.ToString(format, CultureInfo.InvariantCulture));
}

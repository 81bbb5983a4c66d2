using Xunit;
using System.Text;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Ingest.Tests.Extract;

public sealed class HtmlDecodingTests
{
    static HtmlDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Russian = "Правительство одобрило закон";
    private const string Japanese = "政府は新しい法律を承認した";

    [Fact]
    public void Decode_Windows1251DeclaredOnlyInMeta_DecodesRussian()
    {
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>{Russian}</p></body></html>";
        var bytes = Encoding.GetEncoding(1251).GetBytes(html);

        Assert.Contains(Russian, HtmlDecoding.Decode(bytes, "text/html"));
    }

    [Fact]
    public void Decode_ShiftJisByHeader_DecodesJapanese()
    {
        var bytes = Encoding.GetEncoding("shift_jis").GetBytes($"<html><body><p>{Japanese}</p></body></html>");

        Assert.Contains(Japanese, HtmlDecoding.Decode(bytes, "text/html; charset=Shift_JIS"));
    }

    [Fact]
    public void Decode_HeaderWinsOverMeta()
    {
        var bytes = Encoding.GetEncoding("shift_jis").GetBytes($"<html><head><meta charset=\"utf-8\"></head><body>{Japanese}</body></html>");

        Assert.Contains(Japanese, HtmlDecoding.Decode(bytes, "text/html; charset=\"shift_jis\""));
    }

    [Fact]
    public void Decode_Utf8Bom_IsUtf8AndBomIsDropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"<p>{Russian} ñ</p>")).ToArray();

        var text = HtmlDecoding.Decode(bytes, "text/html; charset=iso-8859-1");

        Assert.Equal($"<p>{Russian} ñ</p>", text);
    }

    [Fact]
    public void Decode_NoDeclarationValidUtf8_IsUtf8()
    {
        Assert.Equal("<p>España</p>", HtmlDecoding.Decode(Encoding.UTF8.GetBytes("<p>España</p>"), null));
    }

    [Fact]
    public void Decode_NoDeclarationInvalidUtf8_IsWindows1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<p>España €</p>");

        Assert.Equal("<p>España €</p>", HtmlDecoding.Decode(bytes, null));
    }

    [Fact]
    public void Decode_InvalidBytesInDeclaredUtf8_ReplacesWithoutThrowing()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>ok ").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("</p>")).ToArray();

        var text = HtmlDecoding.Decode(bytes, "text/html; charset=utf-8");

        Assert.StartsWith("<p>ok ", text);
        Assert.Contains('\uFFFD', text);
    }

    [Theory]
    [InlineData("gb18030", "政府批准了新法律")]
    [InlineData("euc-kr", "정부가 새 법을 승인했다")]
    [InlineData("windows-1255", "הממשלה אישרה את החוק")]
    [InlineData("iso-8859-2", "Vláda schválila zákon")]
    public void Decode_OtherCodePagesFromMeta_Decode(string charset, string sample)
    {
        var bytes = Encoding.GetEncoding(charset).GetBytes($"<html><head><meta charset=\"{charset}\"></head><body>{sample}</body></html>");

        Assert.Contains(sample, HtmlDecoding.Decode(bytes, null));
    }

    [Fact]
    public void Decode_UnknownCharsetLabel_FallsBackToSniffing()
    {
        Assert.Contains("España", HtmlDecoding.Decode(Encoding.UTF8.GetBytes("<p>España</p>"), "text/html; charset=x-nonsense"));
    }

    /// <summary>Found by <c>bench fuzz</c>: a UTF-7 label (which .NET refuses) threw NotSupportedException out of the decoder.</summary>
    [Theory]
    [InlineData("text/html; charset=utf-7", "<html><body><p>café</p></body></html>")]
    [InlineData("text/html", "<html><head><meta charset=\"utf-7\"></head><body><p>café</p></body></html>")]
    public void Decode_Utf7Label_IsIgnoredAndTheBytesAreStillRead(string contentType, string html)
    {
        var text = HtmlDecoding.Decode(Encoding.UTF8.GetBytes(html), contentType);

        Assert.Contains("café", text);
    }
}

using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>A served page: status, raw HTML and its parsed document.</summary>
public sealed record HtmlPage(int Status, string Html, IDocument Document)
{
    public static async Task<HtmlPage> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        var document = await new HtmlParser().ParseDocumentAsync(html, ct);
        return new HtmlPage((int)response.StatusCode, html, document);
    }

    public IElement One(string selector) =>
        Document.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"no element matches '{selector}'");

    public string Text(string selector) => Collapse(One(selector).TextContent);

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

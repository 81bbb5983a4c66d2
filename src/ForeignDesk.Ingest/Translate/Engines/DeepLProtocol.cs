using System.Text.Json.Nodes;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// DeepL API: <c>POST /v2/translate</c> with <c>Authorization: DeepL-Auth-Key</c>, up to 50 <c>text</c> entries,
/// <c>source_lang</c>, <c>target_lang</c> (EN-GB or EN-US for English) and <c>tag_handling=html</c> for markup; the reply
/// is <c>{"translations": [{"text": ...}]}</c>. Keys ending in ":fx" go to the free API's host.
/// </summary>
internal sealed class DeepLProtocol(EngineOptions options) : IEngineProtocol
{
    public int MaxSegments => 50;

    /// <summary>DeepL takes 128 KiB per request; this leaves room for two-byte characters and the JSON around them.</summary>
    public int MaxCharacters => 50_000;

    public string? Problem =>
        string.IsNullOrWhiteSpace(options.ApiKey) ? "no ApiKey" :
        options.BaseUrl is not null && !EndpointUrl.IsValid(options.BaseUrl) ? "BaseUrl is not an http(s) address" : null;

    public string Version => "DeepL API v2";

    public string Endpoint =>
        options.BaseUrl ?? (options.ApiKey?.EndsWith(":fx", StringComparison.Ordinal) == true ? "https://api-free.deepl.com" : "https://api.deepl.com");

    public HttpRequestMessage Build(TranslationRequest request, IReadOnlyList<string> batch)
    {
        var body = new JsonObject
        {
            ["text"] = JsonReply.Strings(batch),
            ["source_lang"] = request.From.ToUpperInvariant(),
            ["target_lang"] = Target(request.To),
        };
        if (request.Format == SegmentFormat.Html) body["tag_handling"] = "html";
        var message = new HttpRequestMessage(HttpMethod.Post, EndpointUrl.Combine(Endpoint, "v2/translate")) { Content = JsonReply.Content(body) };
        message.Headers.TryAddWithoutValidation("Authorization", "DeepL-Auth-Key " + options.ApiKey);
        return message;
    }

    public IReadOnlyList<string> Read(string body) =>
        JsonReply.Array(JsonReply.Parse(body)["translations"], "translations")
            .Select((item, i) => JsonReply.Text(item?["text"], $"translations[{i}].text"))
            .ToList();

    private string Target(string to) =>
        to.Equals("en", StringComparison.OrdinalIgnoreCase) ? options.EnglishVariant.ToUpperInvariant() : to.ToUpperInvariant();
}

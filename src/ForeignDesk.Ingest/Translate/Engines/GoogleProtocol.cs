using System.Text.Json.Nodes;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Google Cloud Translation v2 (basic): <c>POST /language/translate/v2?key=…</c> with up to 128 <c>q</c> segments,
/// <c>source</c>, <c>target</c> and <c>format</c> (html or text); the reply is
/// <c>{"data": {"translations": [{"translatedText": ...}]}}</c>.
/// </summary>
internal sealed class GoogleProtocol(EngineOptions options) : IEngineProtocol
{
    public int MaxSegments => 128;

    public int MaxCharacters => 30_000;

    public string? Problem =>
        string.IsNullOrWhiteSpace(options.ApiKey) ? "no ApiKey" :
        options.BaseUrl is not null && !EndpointUrl.IsValid(options.BaseUrl) ? "BaseUrl is not an http(s) address" : null;

    public string Version => "Cloud Translation API v2";

    public string Endpoint => options.BaseUrl ?? "https://translation.googleapis.com";

    public HttpRequestMessage Build(TranslationRequest request, IReadOnlyList<string> batch)
    {
        var body = new JsonObject
        {
            ["q"] = JsonReply.Strings(batch),
            ["source"] = request.From,
            ["target"] = request.To,
            ["format"] = request.Format == SegmentFormat.Html ? "html" : "text",
        };
        var url = EndpointUrl.Combine(Endpoint, "language/translate/v2?key=" + Uri.EscapeDataString(options.ApiKey!));
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonReply.Content(body) };
    }

    public IReadOnlyList<string> Read(string body) =>
        JsonReply.Array(JsonReply.Parse(body)["data"]?["translations"], "data.translations")
            .Select((item, i) => JsonReply.Text(item?["translatedText"], $"data.translations[{i}].translatedText"))
            .ToList();
}

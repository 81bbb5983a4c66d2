using System.Text.Json.Nodes;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// LibreTranslate and compatible servers: <c>POST /translate</c> with <c>q</c> as an array, <c>source</c>,
/// <c>target</c>, <c>format</c> (text or html) and an optional <c>api_key</c>; the reply is <c>{"translatedText": [...]}</c>.
/// </summary>
internal sealed class LibreTranslateProtocol(EngineOptions options) : IEngineProtocol
{
    public int MaxSegments => 50;

    public int MaxCharacters => 20_000;

    public string? Problem => EndpointUrl.IsValid(options.BaseUrl) ? null : "no BaseUrl (the server's address, such as http://127.0.0.1:5000)";

    public string Version => "LibreTranslate API";

    public string Endpoint => options.BaseUrl ?? "";

    public HttpRequestMessage Build(TranslationRequest request, IReadOnlyList<string> batch)
    {
        var body = new JsonObject
        {
            ["q"] = JsonReply.Strings(batch),
            ["source"] = request.From,
            ["target"] = request.To,
            ["format"] = request.Format == SegmentFormat.Html ? "html" : "text",
        };
        if (!string.IsNullOrEmpty(options.ApiKey)) body["api_key"] = options.ApiKey;
        return new HttpRequestMessage(HttpMethod.Post, EndpointUrl.Combine(options.BaseUrl!, "translate")) { Content = JsonReply.Content(body) };
    }

    public IReadOnlyList<string> Read(string body)
    {
        var translated = JsonReply.Parse(body)["translatedText"];
        if (translated is JsonValue) return [JsonReply.Text(translated, "translatedText")];
        return JsonReply.Array(translated, "translatedText").Select((item, i) => JsonReply.Text(item, $"translatedText[{i}]")).ToList();
    }
}

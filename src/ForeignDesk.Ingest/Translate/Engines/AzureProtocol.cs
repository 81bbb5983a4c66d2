using System.Text.Json.Nodes;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Azure AI Translator v3: <c>POST /translate?api-version=3.0&amp;from=…&amp;to=…&amp;textType=html|plain</c> with
/// <c>Ocp-Apim-Subscription-Key</c> (and <c>Ocp-Apim-Subscription-Region</c> for regional resources), a body of up to
/// 1000 <c>{"Text": ...}</c> elements and 50 000 characters; the reply is <c>[{"translations": [{"text", "to"}]}]</c>.
/// </summary>
internal sealed class AzureProtocol(EngineOptions options) : IEngineProtocol
{
    public int MaxSegments => 1000;

    public int MaxCharacters => 50_000;

    public string? Problem =>
        string.IsNullOrWhiteSpace(options.ApiKey) ? "no ApiKey" :
        options.BaseUrl is not null && !EndpointUrl.IsValid(options.BaseUrl) ? "BaseUrl is not an http(s) address" : null;

    public string Version => "Translator API 3.0";

    public string Endpoint => options.BaseUrl ?? "https://api.cognitive.microsofttranslator.com";

    public HttpRequestMessage Build(TranslationRequest request, IReadOnlyList<string> batch)
    {
        var body = new JsonArray(batch.Select(text => (JsonNode?)new JsonObject { ["Text"] = text }).ToArray());
        var query = $"translate?api-version=3.0&from={Uri.EscapeDataString(request.From)}&to={Uri.EscapeDataString(request.To)}"
            + $"&textType={(request.Format == SegmentFormat.Html ? "html" : "plain")}";
        var message = new HttpRequestMessage(HttpMethod.Post, EndpointUrl.Combine(Endpoint, query)) { Content = JsonReply.Content(body) };
        message.Headers.Add("Ocp-Apim-Subscription-Key", options.ApiKey);
        if (!string.IsNullOrWhiteSpace(options.Region)) message.Headers.Add("Ocp-Apim-Subscription-Region", options.Region);
        return message;
    }

    public IReadOnlyList<string> Read(string body) =>
        JsonReply.Array(JsonReply.Parse(body), "the top level")
            .Select((item, i) => JsonReply.Text(JsonReply.Array(item?["translations"], $"[{i}].translations").FirstOrDefault()?["text"], $"[{i}].translations[0].text"))
            .ToList();
}

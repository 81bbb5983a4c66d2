using System.Text.Json.Nodes;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>LibreTranslate: <c>POST /translate</c>, <c>q</c> array, <c>api_key</c> in the body, errors as <c>{"error": "…"}</c>.</summary>
internal sealed class FakeLibreTranslate : FakeProvider
{
    public override EngineType Type => EngineType.LibreTranslate;

    public override int Limit => 50;

    protected override string Path => "/translate";

    protected override (int Status, string Message)? Check(HttpRequest request, JsonNode body, out IReadOnlyList<string> texts, out bool html)
    {
        texts = Strings(body["q"]) ?? [];
        var format = body["format"]?.GetValue<string>();
        html = format == "html";
        if (body["api_key"]?.GetValue<string>() != Key) return (403, "Invalid API key");
        if (texts.Count == 0) return (400, "Invalid request: missing q parameter");
        if (texts.Count > Limit) return (400, $"Invalid request: request ({texts.Count}) exceeds text limit ({Limit})");
        if (body["source"]?.GetValue<string>() is not { Length: 2 } || body["target"]?.GetValue<string>() != "en")
            return (400, "Invalid request: missing source or target parameter");
        if (format is not ("text" or "html")) return (400, "Invalid request: format must be text or html");
        return null;
    }

    protected override string Success(JsonNode body, IReadOnlyList<string> translations) =>
        new JsonObject { ["translatedText"] = new JsonArray(translations.Select(t => (JsonNode?)t).ToArray()) }.ToJsonString();

    protected override string ErrorBody(int status, string message) => new JsonObject { ["error"] = message }.ToJsonString();
}

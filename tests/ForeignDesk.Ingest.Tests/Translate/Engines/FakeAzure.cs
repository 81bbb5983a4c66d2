using System.Text.Json.Nodes;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>
/// Azure AI Translator v3: <c>POST /translate?api-version=3.0</c>, subscription key and region headers, at most 1000
/// <c>{"Text"}</c> elements and 50 000 characters, errors as <c>{"error": {"code": 400xxx, "message"}}</c>.
/// </summary>
internal sealed class FakeAzure : FakeProvider
{
    public const string Region = "westeurope";

    public override EngineType Type => EngineType.Azure;

    public override int Limit => 1000;

    protected override string Path => "/translate";

    public override EngineOptions Options()
    {
        var options = base.Options();
        options.Region = Region;
        return options;
    }

    protected override (int Status, string Message)? Check(HttpRequest request, JsonNode body, out IReadOnlyList<string> texts, out bool html)
    {
        var elements = body as JsonArray ?? [];
        texts = elements.Select(e => e?["Text"]?.GetValue<string>() ?? "").ToList();
        var textType = request.Query["textType"].ToString();
        html = textType == "html";
        if (request.Headers["Ocp-Apim-Subscription-Key"] != Key)
            return (401, "The request is not authorized because credentials are missing or invalid.");
        if (request.Headers["Ocp-Apim-Subscription-Region"] != Region) return (401, "The region is missing or invalid.");
        if (request.Query["api-version"] != "3.0") return (400, "The API version parameter is missing or invalid.");
        if (request.Query["to"] != "en") return (400, "The target language is not valid.");
        if (textType is not ("plain" or "html")) return (400, "The TextType parameter is invalid.");
        if (texts.Count == 0 || texts.Count > Limit) return (400, "The array of text elements is empty or has too many elements.");
        if (texts.Sum(t => t.Length) > 50_000) return (400, "The request is larger than allowed.");
        return null;
    }

    protected override string Success(JsonNode body, IReadOnlyList<string> translations) =>
        new JsonArray(translations
            .Select(t => (JsonNode?)new JsonObject { ["translations"] = new JsonArray(new JsonObject { ["text"] = t, ["to"] = "en" }) })
            .ToArray()).ToJsonString();

    protected override string ErrorBody(int status, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = status * 1000, ["message"] = message } }.ToJsonString();
}

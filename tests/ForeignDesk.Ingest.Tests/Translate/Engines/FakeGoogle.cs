using System.Text.Json.Nodes;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>Google Cloud Translation v2: <c>POST /language/translate/v2?key=</c>, at most 128 <c>q</c>, errors as <c>{"error": {"code", "message"}}</c>.</summary>
internal sealed class FakeGoogle : FakeProvider
{
    public override EngineType Type => EngineType.Google;

    public override int Limit => 128;

    protected override string Path => "/language/translate/v2";

    protected override (int Status, string Message)? Check(HttpRequest request, JsonNode body, out IReadOnlyList<string> texts, out bool html)
    {
        texts = Strings(body["q"]) ?? [];
        var format = body["format"]?.GetValue<string>();
        html = format is null or "html";
        if (request.Query["key"] != Key) return (400, "API key not valid. Please pass a valid API key.");
        if (texts.Count == 0) return (400, "Required Text");
        if (texts.Count > Limit) return (400, "Too many text segments");
        if (body["target"]?.GetValue<string>() != "en") return (400, "Invalid Value");
        if (format is not (null or "html" or "text")) return (400, "Invalid Value");
        return null;
    }

    protected override string Success(JsonNode body, IReadOnlyList<string> translations) =>
        new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["translations"] = new JsonArray(translations.Select(t => (JsonNode?)new JsonObject { ["translatedText"] = t }).ToArray()),
            },
        }.ToJsonString();

    protected override string ErrorBody(int status, string message) =>
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = "invalid" }),
                ["status"] = status == 429 ? "RESOURCE_EXHAUSTED" : "INVALID_ARGUMENT",
            },
        }.ToJsonString();
}

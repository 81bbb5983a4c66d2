using System.Text.Json.Nodes;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>DeepL: <c>POST /v2/translate</c>, <c>Authorization: DeepL-Auth-Key</c>, at most 50 texts, errors as <c>{"message"}</c>.</summary>
internal sealed class FakeDeepL : FakeProvider
{
    public override EngineType Type => EngineType.DeepL;

    public override int Limit => 50;

    protected override string Path => "/v2/translate";

    protected override (int Status, string Message)? Check(HttpRequest request, JsonNode body, out IReadOnlyList<string> texts, out bool html)
    {
        texts = Strings(body["text"]) ?? [];
        var tags = body["tag_handling"]?.GetValue<string>();
        html = tags == "html";
        if (request.Headers.Authorization.ToString() != "DeepL-Auth-Key " + Key) return (403, "Wrong authentication key");
        if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.Ordinal)) return (415, "Unsupported media type");
        if (texts.Count == 0) return (400, "Parameter 'text' not specified.");
        if (texts.Count > Limit) return (413, "Too many texts in request");
        if (body["target_lang"]?.GetValue<string>() is not ("EN-GB" or "EN-US"))
            return (400, "targetLang='EN' is deprecated, please use 'EN-GB' or 'EN-US' instead.");
        if (body["source_lang"]?.GetValue<string>() is not { Length: 2 } source || source != source.ToUpperInvariant())
            return (400, "Value for 'source_lang' not supported.");
        if (tags is not (null or "html" or "xml")) return (400, "Value for 'tag_handling' not supported.");
        return null;
    }

    protected override string Success(JsonNode body, IReadOnlyList<string> translations) =>
        new JsonObject
        {
            ["translations"] = new JsonArray(translations
                .Select(t => (JsonNode?)new JsonObject { ["detected_source_language"] = body["source_lang"]!.GetValue<string>(), ["text"] = t })
                .ToArray()),
        }.ToJsonString();

    protected override string ErrorBody(int status, string message) => new JsonObject { ["message"] = message }.ToJsonString();
}

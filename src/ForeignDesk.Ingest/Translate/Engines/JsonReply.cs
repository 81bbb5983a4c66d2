using System.Text.Json;
using System.Text.Json.Nodes;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Reads the documented parts of a provider's JSON reply, failing clearly when they are not there.</summary>
internal static class JsonReply
{
    public static JsonNode Parse(string body) =>
        JsonNode.Parse(body) ?? throw new TranslationException("the reply is JSON null");

    public static JsonArray Array(JsonNode? node, string path) =>
        node as JsonArray ?? throw new TranslationException($"the reply has no array at {path}");

    public static string Text(JsonNode? node, string path) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new TranslationException($"the reply has no text at {path}");

    public static HttpContent Content(JsonNode body) =>
        new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}

using System.Text.Json.Nodes;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>
/// An OpenAI-compatible server: <c>POST /v1/chat/completions</c> with a bearer key, a model and messages; it translates
/// the JSON array of strings the user message holds (or the user message itself when the prompt asks for one).
/// </summary>
internal sealed class FakeOpenAI : FakeProvider
{
    public const string Model = "test-model";

    public override EngineType Type => EngineType.OpenAI;

    public override int Limit => 20;

    protected override string Path => "/v1/chat/completions";

    public override EngineOptions Options()
    {
        var options = base.Options();
        options.Model = Model;
        return options;
    }

    protected override (int Status, string Message)? Check(HttpRequest request, JsonNode body, out IReadOnlyList<string> texts, out bool html)
    {
        texts = [];
        html = true;
        if (request.Headers.Authorization.ToString() != "Bearer " + Key) return (401, "Incorrect API key provided.");
        if (body["model"]?.GetValue<string>() != Model) return (404, "The model does not exist.");
        if (body["messages"] is not JsonArray { Count: 2 } messages
            || messages[0]?["role"]?.GetValue<string>() != "system" || messages[1]?["role"]?.GetValue<string>() != "user")
            return (400, "messages must be a system and a user message");
        var user = messages[1]!["content"]!.GetValue<string>();
        var asArray = messages[0]!["content"]!.GetValue<string>().Contains("JSON array", StringComparison.Ordinal);
        texts = asArray ? Strings(JsonNode.Parse(user)) ?? [] : [user];
        return texts.Count == 0 ? (400, "no text") : null;
    }

    protected override string Success(JsonNode body, IReadOnlyList<string> translations)
    {
        var system = body["messages"]![0]!["content"]!.GetValue<string>();
        var content = system.Contains("JSON array", StringComparison.Ordinal)
            ? "```json\n" + new JsonArray(translations.Select(t => (JsonNode?)t).ToArray()).ToJsonString() + "\n```"
            : translations.Single();
        return new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["model"] = Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
        }.ToJsonString();
    }

    protected override string ErrorBody(int status, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["code"] = null } }.ToJsonString();
}

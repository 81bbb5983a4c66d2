using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp server): <c>POST /v1/chat/completions</c> with the
/// model, a system prompt and the segments. Several segments go as a JSON array and a JSON array of as many
/// translations is asked for; with <c>MaxSegmentsPerRequest</c> 1 each segment goes alone as plain text.
/// </summary>
internal sealed class OpenAIProtocol(EngineOptions options) : IEngineProtocol
{
    public const string DefaultPrompt =
        "You translate news articles from {from} into {to}. Translate faithfully and completely, in plain news English. "
        + "Keep every HTML tag and attribute exactly where it is, and do not change numbers, dates, URLs, e-mail addresses "
        + "or the names of people and organisations.";

    private const string ArrayFormat =
        " The user sends a JSON array of strings. Reply with only a JSON array of exactly as many strings: the translation "
        + "of each string, in the same order, and nothing else.";

    private const string SingleFormat = " Reply with the translation only, and nothing else.";

    public int MaxSegments => 20;

    public int MaxCharacters => 8_000;

    public string? Problem =>
        string.IsNullOrWhiteSpace(options.Model) ? "no Model" :
        options.BaseUrl is null && string.IsNullOrWhiteSpace(options.ApiKey) ? "no BaseUrl (a local server such as http://127.0.0.1:11434) and no ApiKey for OpenAI" :
        options.BaseUrl is not null && !EndpointUrl.IsValid(options.BaseUrl) ? "BaseUrl is not an http(s) address" : null;

    public string Version => options.Model ?? "no model";

    public string Endpoint => options.BaseUrl ?? "https://api.openai.com";

    private bool Single => (options.MaxSegmentsPerRequest ?? MaxSegments) <= 1;

    public HttpRequestMessage Build(TranslationRequest request, IReadOnlyList<string> batch)
    {
        var prompt = (string.IsNullOrWhiteSpace(options.Prompt) ? DefaultPrompt : options.Prompt)
            .Replace("{from}", LanguageNames.Name(request.From), StringComparison.Ordinal)
            .Replace("{to}", LanguageNames.Name(request.To), StringComparison.Ordinal);
        var single = Single && batch.Count == 1;
        var body = new JsonObject
        {
            ["model"] = options.Model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = prompt + (single ? SingleFormat : ArrayFormat) },
                new JsonObject { ["role"] = "user", ["content"] = single ? batch[0] : JsonReply.Strings(batch).ToJsonString() }),
            ["temperature"] = 0,
            ["stream"] = false,
        };
        var message = new HttpRequestMessage(HttpMethod.Post, EndpointUrl.Combine(Endpoint, "v1/chat/completions")) { Content = JsonReply.Content(body) };
        if (!string.IsNullOrWhiteSpace(options.ApiKey)) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        return message;
    }

    public IReadOnlyList<string> Read(string body)
    {
        var content = JsonReply.Text(JsonReply.Array(JsonReply.Parse(body)["choices"], "choices").FirstOrDefault()?["message"]?["content"], "choices[0].message.content");
        if (Single) return [content.Trim()];

        var start = content.IndexOf('[', StringComparison.Ordinal);
        var end = content.LastIndexOf(']');
        if (start < 0 || end < start) throw new TranslationException("the model did not answer with a JSON array");
        return JsonReply.Array(JsonNode.Parse(content[start..(end + 1)]), "choices[0].message.content")
            .Select((item, i) => JsonReply.Text(item, $"choices[0].message.content[{i}]"))
            .ToList();
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ForeignDesk.Web.Tests.Ingestion;

namespace ForeignDesk.Web.Tests.Hostile;

/// <summary>A LibreTranslate server on 127.0.0.1 that adds an XSS vector to every segment it translates.</summary>
internal sealed class HostileEngine : IAsyncDisposable
{
    private readonly WebApplication _server;
    private int _requests;

    private HostileEngine(WebApplication server) => _server = server;

    public string BaseUrl => _server.Urls.First();

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<HostileEngine> StartAsync(CancellationToken ct)
    {
        HostileEngine? engine = null;
        var server = await PipelineSite.ServeAsync(app => app.MapPost("/translate", async context =>
        {
            Interlocked.Increment(ref engine!._requests);
            var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted))!;
            var texts = body["q"] is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [body["q"]!.GetValue<string>()];
            var vectors = XssVectors.All;
            var translated = texts.Select((text, i) => (JsonNode?)$"{vectors[(text.Length + i) % vectors.Count]} The government {text.Length} {vectors[(text.Length * 3 + i) % vectors.Count]}").ToArray();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["translatedText"] = new JsonArray(translated) }.ToJsonString(), context.RequestAborted);
        }), ct);
        engine = new HostileEngine(server);
        return engine;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}

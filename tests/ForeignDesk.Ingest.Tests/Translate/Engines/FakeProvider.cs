using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Tests.Fetch;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>
/// A local Kestrel server that speaks one provider's documented protocol: it checks the path, the authentication and
/// the body as the service does, answers its documented error shapes, and otherwise follows a script of replies.
/// </summary>
internal abstract class FakeProvider : IAsyncDisposable
{
    public const string Key = "test-key";

    private readonly ConcurrentQueue<FakeReply> script = new();
    private LocalServer? server;

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    /// <summary>Requests that reached the server, valid or not.</summary>
    public int Arrived => arrived;

    private int arrived;

    /// <summary>The reply once the script is used up.</summary>
    public FakeReply Otherwise { get; set; } = FakeReply.Ok;

    public abstract EngineType Type { get; }

    /// <summary>The provider's documented (or, for OpenAI-compatible servers, our default) segments per request.</summary>
    public abstract int Limit { get; }

    protected abstract string Path { get; }

    public HttpClient Client { get; } = new();

    public Uri BaseUrl => server!.BaseUrl;

    public static async Task<FakeProvider> StartAsync(EngineType type, CancellationToken ct)
    {
        FakeProvider provider = type switch
        {
            EngineType.LibreTranslate => new FakeLibreTranslate(),
            EngineType.DeepL => new FakeDeepL(),
            EngineType.Google => new FakeGoogle(),
            EngineType.Azure => new FakeAzure(),
            EngineType.OpenAI => new FakeOpenAI(),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        provider.server = await LocalServer.StartAsync(app => app.Run(provider.HandleAsync), ct);
        return provider;
    }

    public void Then(params FakeReply[] replies)
    {
        foreach (var reply in replies) script.Enqueue(reply);
    }

    /// <summary>Options as a test would configure them: this server, the right key, quick retries.</summary>
    public virtual EngineOptions Options() => new()
    {
        BaseUrl = BaseUrl.ToString(),
        ApiKey = Key,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public ITranslationEngine Engine(EngineOptions? options = null, string? name = null)
    {
        options ??= Options();
        return new HttpTranslationEngine(name ?? Type.ToString().ToLowerInvariant(), Type, options,
            EngineCatalog.Protocol(Type, options), () => Client, TimeProvider.System, NullLogger.Instance);
    }

    /// <summary>Checks a request as the service would; null with the texts when valid, else the documented error.</summary>
    protected abstract (int Status, string Message)? Check(HttpRequest request, JsonNode body, out IReadOnlyList<string> texts, out bool html);

    protected abstract string Success(JsonNode body, IReadOnlyList<string> translations);

    protected abstract string ErrorBody(int status, string message);

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref arrived);
        if (context.Request.Method != "POST" || context.Request.Path != Path)
        {
            await WriteAsync(context, 404, ErrorBody(404, "Not Found"));
            return;
        }
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            await WriteAsync(context, 400, ErrorBody(400, "Invalid JSON in request body"));
            return;
        }
        if (Check(context.Request, body, out var texts, out var html) is { } error)
        {
            await WriteAsync(context, error.Status, ErrorBody(error.Status, error.Message));
            return;
        }

        Seen.Enqueue(new SeenRequest(texts, html, body));
        var reply = script.TryDequeue(out var next) ? next : Otherwise;
        switch (reply.Kind)
        {
            case FakeReplyKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            case FakeReplyKind.NotJson:
                await WriteAsync(context, 200, "<html><body>Bad gateway</body></html>", "text/html");
                return;
            case FakeReplyKind.Error:
                if (reply.RetryAfter is not null) context.Response.Headers.RetryAfter = reply.RetryAfter;
                await WriteAsync(context, reply.Status, ErrorBody(reply.Status, $"Fake error {reply.Status}"));
                return;
            default:
                var translations = texts.Select(t => reply.Kind == FakeReplyKind.Fixed ? reply.Text! : FakeTranslation.Of(t, html)).ToList();
                if (reply.Kind == FakeReplyKind.OneShort) translations.RemoveAt(translations.Count - 1);
                await WriteAsync(context, 200, Success(body, translations));
                return;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, string type = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    protected static IReadOnlyList<string>? Strings(JsonNode? node) =>
        node is JsonArray array && array.All(i => i is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
            ? array.Select(i => i!.GetValue<string>()).ToList()
            : null;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (server is not null) await server.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.Tests.WebSub;

/// <summary>The form a subscriber sent to the hub.</summary>
internal sealed record HubRequest(string? Mode, string? Topic, string? Callback, string? Secret, string? LeaseSeconds);

/// <summary>A verified subscription as the hub keeps it.</summary>
internal sealed record HubSubscriber(Uri Callback, string Topic, string Secret);

/// <summary>
/// A real WebSub hub on 127.0.0.1 (W3C WebSub, sections 5 and 7): it answers a subscription request with 202, then
/// verifies the intent by a GET to the callback with a random challenge, and distributes new content to verified
/// subscribers signed with <c>X-Hub-Signature-256</c>.
/// </summary>
internal sealed class LocalHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new();
    private readonly ConcurrentQueue<HubRequest> _requests = new();
    private readonly ConcurrentDictionary<string, HubSubscriber> _verified = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _verification = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalHub(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<HubRequest> Requests => _requests;

    /// <summary>Completes with the callback's answer to the verification ("verified" or why not).</summary>
    public Task<string> Verification => _verification.Task;

    public static async Task<LocalHub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var hub = new LocalHub(app);
        app.MapPost("/hub", hub.SubscribeAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        hub.Url = new Uri(address + "/hub");
        return hub;
    }

    private async Task<IResult> SubscribeAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var received = new HubRequest(form["hub.mode"], form["hub.topic"], form["hub.callback"], form["hub.secret"], form["hub.lease_seconds"]);
        _requests.Enqueue(received);
        if (received.Mode != "subscribe" || !Uri.TryCreate(received.Callback, UriKind.Absolute, out var callback) || string.IsNullOrEmpty(received.Topic))
            return Results.BadRequest();

        // Verification of intent happens after the 202, as a separate request from the hub (section 5.3).
        _ = Task.Run(() => VerifyAsync(received, callback));
        return Results.Accepted();
    }

    private async Task VerifyAsync(HubRequest received, Uri callback)
    {
        try
        {
            var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var separator = string.IsNullOrEmpty(callback.Query) ? "?" : "&";
            var url = $"{callback.AbsoluteUri}{separator}hub.mode=subscribe&hub.topic={Uri.EscapeDataString(received.Topic!)}"
                + $"&hub.challenge={challenge}&hub.lease_seconds={received.LeaseSeconds}";
            using var response = await _client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || body != challenge)
            {
                _verification.TrySetResult($"not verified: {(int)response.StatusCode} '{body}'");
                return;
            }

            _verified[callback.AbsoluteUri] = new HubSubscriber(callback, received.Topic!, received.Secret ?? "");
            _verification.TrySetResult("verified");
        }
        catch (HttpRequestException ex)
        {
            _verification.TrySetResult($"not verified: {ex.Message}");
        }
    }

    /// <summary>Sends new content of <paramref name="topic"/> to every verified subscriber (section 7).</summary>
    /// <returns>The status each callback answered.</returns>
    public async Task<IReadOnlyList<HttpStatusCode>> PublishAsync(string topic, string contentType, byte[] body, CancellationToken cancellationToken)
    {
        var answers = new List<HttpStatusCode>();
        foreach (var subscriber in _verified.Values.Where(s => s.Topic == topic))
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new(contentType);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Callback) { Content = content };
            request.Headers.Add("X-Hub-Signature-256",
                "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(subscriber.Secret), body)));
            request.Headers.Add("Link", $"<{Url}>; rel=\"hub\", <{topic}>; rel=\"self\"");
            using var response = await _client.SendAsync(request, cancellationToken);
            answers.Add(response.StatusCode);
        }

        return answers;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}

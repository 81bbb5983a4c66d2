using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Bench.Latency;

/// <summary>The form a subscriber sent to the hub (the secret is kept to sign, never shown).</summary>
internal sealed record HubRequest(string? Mode, string? Topic, string? Callback, string? Secret, string? LeaseSeconds);

/// <summary>A verified subscription as the hub keeps it.</summary>
internal sealed record HubSubscriber(Uri Callback, string Topic, string Secret);

/// <summary>
/// A WebSub hub on 127.0.0.1 (W3C WebSub, sections 5, 6 and 7), for the latency bench's simulated world and for
/// tests: it answers a subscription request with 202, then verifies the intent by a GET to the callback with a random
/// challenge (or sends a denial); a publisher's ping (<c>hub.mode=publish</c>, <c>hub.url</c>) makes it fetch the
/// topic and distribute it at once to the verified subscribers, signed with <c>X-Hub-Signature-256</c>.
/// </summary>
internal sealed class LocalHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly ConcurrentQueue<HubRequest> _requests = new();
    private readonly ConcurrentDictionary<string, HubSubscriber> _verified = new(StringComparer.Ordinal);
    private readonly Channel<string> _verifications = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _failedDeliveries;

    private LocalHub(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<HubRequest> Requests => _requests;

    public IReadOnlyCollection<HubSubscriber> Subscribers => _verified.Values.ToList();

    /// <summary>Pings whose topic could not be fetched or whose content could not be delivered.</summary>
    public int FailedDeliveries => Volatile.Read(ref _failedDeliveries);

    /// <value>When set, subscription requests are answered with a denial giving this reason (section 5.2).</value>
    public string? DenyWith { get; set; }

    /// <value>When set, the lease the hub grants instead of the one asked for.</value>
    public int? GrantLeaseSeconds { get; set; }

    public static async Task<LocalHub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var hub = new LocalHub(app);
        app.MapPost("/hub", hub.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        hub.Url = new Uri(address + "/hub");
        return hub;
    }

    /// <summary>The outcome of the next verification or denial sent to a callback: "verified", "unsubscribed", "denied" or why not.</summary>
    public async Task<string> NextVerificationAsync(CancellationToken cancellationToken) =>
        await _verifications.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var received = new HubRequest(form["hub.mode"], form["hub.topic"], form["hub.callback"], form["hub.secret"], form["hub.lease_seconds"]);
        if (received.Mode == "publish")
        {
            var topic = form["hub.url"].FirstOrDefault() ?? form["hub.topic"].FirstOrDefault();
            if (string.IsNullOrEmpty(topic)) return Results.BadRequest();
            Run(() => FetchAndDistributeAsync(topic));
            return Results.NoContent();
        }

        _requests.Enqueue(received);
        if (received.Mode is not ("subscribe" or "unsubscribe") || !Uri.TryCreate(received.Callback, UriKind.Absolute, out var callback)
            || string.IsNullOrEmpty(received.Topic))
            return Results.BadRequest();

        // Verification of intent happens after the 202, as a separate request from the hub (section 5.3).
        Run(() => VerifyAsync(received, callback));
        return Results.Accepted();
    }

    private async Task VerifyAsync(HubRequest received, Uri callback)
    {
        var separator = string.IsNullOrEmpty(callback.Query) ? "?" : "&";
        var topic = Uri.EscapeDataString(received.Topic!);
        try
        {
            if (received.Mode == "subscribe" && DenyWith is { } reason)
            {
                using var denial = await _client.GetAsync($"{callback.AbsoluteUri}{separator}hub.mode=denied&hub.topic={topic}&hub.reason={Uri.EscapeDataString(reason)}", _stopping.Token);
                await _verifications.Writer.WriteAsync(denial.IsSuccessStatusCode ? "denied" : $"denial not taken: {(int)denial.StatusCode}", _stopping.Token);
                return;
            }

            var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var lease = GrantLeaseSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? received.LeaseSeconds;
            var url = $"{callback.AbsoluteUri}{separator}hub.mode={received.Mode}&hub.topic={topic}&hub.challenge={challenge}"
                + (received.Mode == "subscribe" ? $"&hub.lease_seconds={lease}" : "");
            using var response = await _client.GetAsync(url, _stopping.Token);
            var body = await response.Content.ReadAsStringAsync(_stopping.Token);
            if (response.StatusCode != HttpStatusCode.OK || body != challenge)
            {
                await _verifications.Writer.WriteAsync($"not verified: {(int)response.StatusCode} '{body}'", _stopping.Token);
                return;
            }

            if (received.Mode == "subscribe")
                _verified[callback.AbsoluteUri] = new HubSubscriber(callback, received.Topic!, received.Secret ?? "");
            else
                _verified.TryRemove(callback.AbsoluteUri, out _);
            await _verifications.Writer.WriteAsync(received.Mode == "subscribe" ? "verified" : "unsubscribed", _stopping.Token);
        }
        catch (HttpRequestException ex)
        {
            _verifications.Writer.TryWrite($"not verified: {ex.Message}");
        }
    }

    /// <summary>A publisher pinged: fetch the topic as it is now and send it to its subscribers.</summary>
    private async Task FetchAndDistributeAsync(string topic)
    {
        try
        {
            using var response = await _client.GetAsync(topic, _stopping.Token);
            if (!response.IsSuccessStatusCode) return;
            var body = await response.Content.ReadAsByteArrayAsync(_stopping.Token);
            var contentType = response.Content.Headers.ContentType?.ToString() ?? "application/xml";
            await PublishAsync(topic, contentType, body, _stopping.Token);
        }
        catch (HttpRequestException)
        {
            // The topic could not be fetched or a subscriber not reached: counted, as a hub would log it.
            Interlocked.Increment(ref _failedDeliveries);
        }
    }

    /// <summary>Sends new content of <paramref name="topic"/> to every verified subscriber (section 7), all at once.</summary>
    /// <returns>The status each callback answered.</returns>
    public async Task<IReadOnlyList<HttpStatusCode>> PublishAsync(string topic, string contentType, byte[] body, CancellationToken cancellationToken) =>
        await Task.WhenAll(_verified.Values.Where(s => s.Topic == topic).Select(async subscriber =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Callback) { Content = content };
            request.Headers.Add("X-Hub-Signature-256",
                "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(subscriber.Secret), body)));
            request.Headers.Add("Link", $"<{Url}>; rel=\"hub\", <{topic}>; rel=\"self\"");
            using var response = await _client.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }));

    /// <summary>Runs the hub's own follow-up work (verifications, distributions), awaited when the hub stops.</summary>
    private void Run(Func<Task> work)
    {
        var task = Task.Run(work);
        _running[task] = 0;
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        // Work cut short by the stop has nothing left to deliver.
        await Task.WhenAll(_running.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        _client.Dispose();
        _stopping.Dispose();
        await _app.DisposeAsync();
    }
}

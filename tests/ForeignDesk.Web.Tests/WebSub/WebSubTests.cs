using System.Net;
using System.Net.Sockets;
using System.Text;
using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.WebSub;

public sealed class WebSubTests
{
    [Fact]
    public async Task Feed_NamingAHub_IsSubscribedVerifiedAndPushedContentStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        var article = OutletWorld.Housing;
        outlet.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(outlet.BaseUrl, article));
        // The hub accepts every request with 202; the test then plays its verification and push by hand.
        var hub = outlet.Url("hub");
        outlet.Serve("hub", "text/plain", "", status: 202);
        var feedUrl = outlet.Url("es/rss.xml");
        outlet.Serve("es/rss.xml", "application/rss+xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Voz</title><link>{outlet.BaseUrl}</link>
            <atom:link rel="hub" href="{hub}"/><atom:link rel="self" href="{feedUrl}"/></channel></rss>
            """);

        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("foreigndesk-websub-").FullName;
        try
        {
            await using var site = AppHost.Build(new HostSettings(data, Urls: $"http://127.0.0.1:{port}", Settings: new Dictionary<string, string?>
            {
                ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
                ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00",
                ["ForeignDesk:Sources:DefaultFile"] = "",
                ["ForeignDesk:Site:PublicUrl"] = $"http://127.0.0.1:{port}",
            }));
            await AppHost.PrepareStoreAsync(site.Services, ct);
            await site.StartAsync(ct);
            var store = site.Services.GetRequiredService<IArticleStore>();
            var source = await store.AddSourceAsync(new SourceDraft(OutletPages.SpanishOutlet, outlet.Url("es/"), [feedUrl], "es", "News/World", "Europe/Madrid"), ct);

            await site.Services.GetRequiredService<IngestPass>().RunAsync(ct);

            var subscription = await site.Services.GetRequiredService<WebSubSubscriber>().CurrentAsync(source.Id, feedUrl, ct);
            Assert.NotNull(subscription);
            var id = subscription.Id;
            var callback = site.Services.GetRequiredService<WebSubCallback>();
            Assert.Equal(hub, subscription.Hub);
            Assert.Equal(feedUrl, subscription.Topic);

            using var hubClient = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var verify = await hubClient.GetStringAsync($"/websub/{id}?hub.mode=subscribe&hub.topic={Uri.EscapeDataString(feedUrl.AbsoluteUri)}&hub.challenge=c4a11e9e&hub.lease_seconds=86400", ct);
            Assert.Equal("c4a11e9e", verify);
            using var wrongTopic = await hubClient.GetAsync($"/websub/{id}?hub.mode=subscribe&hub.topic=http%3A%2F%2Fother.example%2F&hub.challenge=x", ct);
            Assert.Equal(HttpStatusCode.NotFound, wrongTopic.StatusCode);

            var pushed = Encoding.UTF8.GetBytes($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Voz</title><link>{outlet.BaseUrl}</link>
                <item><title>{article.Title}</title><link>{outlet.Url(article.Path)}</link></item></channel></rss>
                """);
            await PostAsync(hubClient, id, pushed, "sha256=" + new string('0', 64), ct);
            Assert.False(callback.Inbox.TryRead(out _));

            await PostAsync(hubClient, id, pushed, WebSubSignature.Sign(pushed, subscription.Secret), ct);
            Assert.True(callback.Inbox.TryRead(out var queued));
            var worker = ActivatorUtilities.CreateInstance<WebSubWorker>(site.Services);
            var report = await worker.ProcessAsync(queued, ct);

            Assert.Equal(1, report.Created);
            var stored = await store.FindByUrlAsync(outlet.Url(article.Path).AbsoluteUri, ct);
            Assert.NotNull(stored);
            Assert.Equal(ArticleState.Translated, stored.State);
            await site.StopAsync(ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task PostAsync(HttpClient client, string id, byte[] body, string signature, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/rss+xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/websub/{id}") { Content = content };
        request.Headers.Add("X-Hub-Signature-256", signature);
        using var response = await client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

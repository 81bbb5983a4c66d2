using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="ISourceEndpointStore"/>: endpoints in the order added, their polling state.</summary>
public abstract class SourceEndpointStoreContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task AddEndpointAsync_KeepsOrderAndChangesTheKindOfOneAlreadyThere()
    {
        var source = await AddSourceAsync("El Diario");
        await Endpoints.AddEndpointAsync(source.Id, EndpointKind.Feed, new Uri("https://e.example/feed.xml"), Ct);
        await Endpoints.AddEndpointAsync(source.Id, EndpointKind.Sitemap, new Uri("https://e.example/sitemap.xml"), Ct);
        await Endpoints.AddEndpointAsync(source.Id, EndpointKind.Section, new Uri("https://e.example/feed.xml"), Ct);

        var endpoints = await Endpoints.EndpointsAsync(source.Id, Ct);

        Assert.Equal([("https://e.example/feed.xml", EndpointKind.Section), ("https://e.example/sitemap.xml", EndpointKind.Sitemap)],
            endpoints.Select(e => (e.Url.AbsoluteUri, e.Kind)));
        Assert.All(endpoints, e => Assert.Equal((TimeSpan.FromMinutes(5), null, null, 0, null), (e.Interval, e.NextPollUtc, e.LastSuccessUtc, e.ConsecutiveErrors, e.LastError)));
    }

    [Fact]
    public async Task RecordPollAsync_CountsFailuresUntilASuccess()
    {
        var source = await AddSourceAsync("El Diario");
        var url = new Uri("https://e.example/feed.xml");
        await Endpoints.AddEndpointAsync(source.Id, EndpointKind.Feed, url, Ct);
        var now = Time.GetUtcNow();

        await Endpoints.RecordPollAsync(source.Id, url, new EndpointPoll(now, TimeSpan.FromMinutes(10), now.AddMinutes(10), "HTTP 503"), Ct);
        await Endpoints.RecordPollAsync(source.Id, url, new EndpointPoll(now, TimeSpan.FromMinutes(20), now.AddMinutes(20), "HTTP 503"), Ct);
        var failing = Assert.Single(await Endpoints.EndpointsAsync(source.Id, Ct));
        await Endpoints.RecordPollAsync(source.Id, url, new EndpointPoll(now.AddHours(1), TimeSpan.FromMinutes(15), now.AddHours(1).AddMinutes(15), null), Ct);
        var healthy = Assert.Single(await Endpoints.EndpointsAsync(source.Id, Ct));

        Assert.Equal((2, "HTTP 503", TimeSpan.FromMinutes(20), now.AddMinutes(20), (DateTimeOffset?)null),
            (failing.ConsecutiveErrors, failing.LastError, failing.Interval, failing.NextPollUtc, failing.LastSuccessUtc));
        Assert.Equal((0, (string?)null, TimeSpan.FromMinutes(15), now.AddHours(1).AddMinutes(15), now.AddHours(1)),
            (healthy.ConsecutiveErrors, healthy.LastError, healthy.Interval, healthy.NextPollUtc, healthy.LastSuccessUtc));
    }

    [Fact]
    public async Task ArticleUrlsAsync_NewestFirstAndOnlyTheSource()
    {
        var source = await AddSourceAsync("El Diario");
        var other = await AddSourceAsync("La Gaceta");
        await SaveAsync(source, "https://e.example/old", "Viejo");
        Time.Advance(TimeSpan.FromMinutes(1));
        await SaveAsync(source, "https://e.example/new", "Nuevo");
        await SaveAsync(other, "https://g.example/x", "Otro");

        Assert.Equal(["https://e.example/new", "https://e.example/old"], await Endpoints.ArticleUrlsAsync(source.Id, 10, Ct));
        Assert.Equal(["https://e.example/new"], await Endpoints.ArticleUrlsAsync(source.Id, 1, Ct));
    }

    [Fact]
    public async Task RemoveSourceAsync_RemovesItsEndpoints()
    {
        var source = await AddSourceAsync("El Diario");
        await Endpoints.AddEndpointAsync(source.Id, EndpointKind.Feed, new Uri("https://e.example/feed.xml"), Ct);
        Assert.True(await Store.RemoveSourceAsync(source.Slug, Ct));
        Assert.Empty(await Endpoints.EndpointsAsync(source.Id, Ct));
    }
}

using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Policy;

/// <summary>
/// An article whose outlet says <c>noarchive</c> is shown as its source allows for <c>Site:NoArchiveKeep</c> (48 hours
/// by default) after it was first seen; then its page, feeds, search and the API give only its headline and a link.
/// </summary>
public sealed class NoArchiveTests : IAsyncLifetime
{
    private SeededSite _site = null!;
    private long _fresh;
    private long _expired;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _site = await SeededSite.StartAsync(Ct);
        _fresh = await SaveAsync("fresco", "Fresh carrots", SiteServer.Now.AddHours(-47));
        _expired = await SaveAsync("caducado", "Old carrots", SiteServer.Now.AddHours(-49));
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private async Task<long> SaveAsync(string slug, string title, DateTimeOffset seen)
    {
        var store = _site.Server.Store;
        var id = await NewsSeed.SaveAsync(store, _site.Seed.Diario, $"https://diario.example/mercado/{slug}",
            NewsSeed.Article("Zanahorias " + slug, "Las zanahorias cuestan más.", null,
                [new Paragraph("p", "Las zanahorias suben un diez por ciento.", "Las zanahorias suben un diez por ciento.")], seen, null, null)
                with { Robots = PublisherDirectives.NoArchive },
            seen, estimated: false, seen, Ct);
        await store.SaveTranslationAsync(id, new TranslatedArticle(title, $"{title} cost more.",
            [new Paragraph("p", $"{title} rise by ten percent.", $"{title} rise by ten percent.")], null, "apertium", "es→en", 0), seen, Ct);
        return id;
    }

    [Fact]
    public async Task WithinTheTime_TheWholeTranslationIsShown()
    {
        var page = await _site.Plain.GetStringAsync($"/article/{_fresh}/fresh-carrots", Ct);

        Assert.Contains("Fresh carrots rise by ten percent.", page);
        Assert.Contains("Fresh carrots cost more.", page);
    }

    [Fact]
    public async Task PastTheTime_OnlyTheHeadlineAndALinkRemain_OnThePageInFeedsSearchAndTheApi()
    {
        using var response = await _site.Plain.GetAsync($"/article/{_expired}/old-carrots", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1", page);
        Assert.Contains("Old carrots", page);
        Assert.Contains("noarchive", page);
        Assert.Contains("href=\"https://diario.example/mercado/caducado\"", page);
        Assert.DoesNotContain("Old carrots rise by ten percent.", page);
        Assert.DoesNotContain("Old carrots cost more.", page);
        Assert.Contains("noarchive", response.Headers.GetValues("X-Robots-Tag").Single());

        var feed = await _site.Plain.GetStringAsync("/feed.xml", Ct);
        Assert.Contains("Fresh carrots rise by ten percent.", feed);
        Assert.DoesNotContain("Old carrots rise", feed);
        Assert.DoesNotContain("Old carrots cost more", feed);

        var search = await _site.Plain.GetStringAsync("/search?q=carrots", Ct);
        Assert.Contains($"/article/{_expired}/", search);
        Assert.DoesNotContain("Old carrots cost more", search);

        var api = await _site.Plain.GetStringAsync($"/api/v1/articles/{_expired}", Ct);
        Assert.DoesNotContain("Old carrots rise", api);
        Assert.DoesNotContain("Old carrots cost more", api);
    }
}

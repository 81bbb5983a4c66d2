using System.Net;
using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Policy;

/// <summary>
/// A source's stored policy, read through the site's one cached service: article pages, feeds and the API give a
/// summary-only source's teaser and a link, a headline-only source's title and a link, and a change made in the
/// store (as a command or another process would) reaches the cached pages through the change feed.
/// </summary>
public sealed class SourcePolicyTests : IAsyncLifetime
{
    private SeededSite _site = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ISourceControlStore Controls => (ISourceControlStore)_site.Server.Store;

    public async ValueTask InitializeAsync() => _site = await SeededSite.StartAsync(Ct);

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private async Task SetPolicyAsync(Source source, SourcePolicy policy)
    {
        Assert.True(await Controls.EditSourceAsync(source.Id, new SourceEdit(source.Name, source.Language, source.Category, source.TimeZone, policy), Ct));
        // What the site's change watcher does within a second.
        await SiteCatchUp.RunAsync(_site.Server.Services, Ct);
    }

    private async Task<string> PageAsync(string path)
    {
        using var response = await _site.Plain.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task SummaryOnlySource_PageFeedAndApi_CarryTheTeaserAndTheLinkOnly()
    {
        await SetPolicyAsync(_site.Seed.Diario, SourcePolicy.Summary);

        var page = await PageAsync(_site.BudgetPath);
        Assert.Contains("The Council of Ministers gives the green light to the accounts.", page);
        Assert.DoesNotContain("approved</strong> the budget yesterday", page);
        Assert.DoesNotContain("Original text", page);
        Assert.Contains("allows a summary only", page);
        Assert.Contains("href=\"https://diario.example/politica/presupuesto\"", page);

        var feed = await PageAsync("/feed.json");
        var budget = JsonDocument.Parse(feed).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("title").GetString() == "Government approves the budget");
        Assert.False(budget.TryGetProperty("content_html", out _));
        Assert.Equal("The Council of Ministers gives the green light to the accounts.", budget.GetProperty("summary").GetString());

        var api = JsonDocument.Parse(await PageAsync($"/api/v1/articles/{_site.Seed.Budget}")).RootElement;
        Assert.Equal(0, api.GetProperty("translation").GetProperty("paragraphs").GetArrayLength());
        Assert.Equal(0, api.GetProperty("original").GetProperty("paragraphs").GetArrayLength());
        Assert.Contains("summary only", api.GetProperty("heldBack").GetString());

        // The bilingual view would show the whole text: it sends the reader to the article page.
        using var bilingual = await _site.Plain.GetAsync(_site.BudgetPath + "?view=bilingual", Ct);
        Assert.Equal(_site.BudgetPath, bilingual.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.DoesNotContain("approved</strong> the budget yesterday", await bilingual.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task PolicyChangedInTheStore_DropsTheCachedPage_AndTheFeed()
    {
        await _site.AssertCachedAsync(_site.BudgetPath, Ct);
        Assert.Contains("approved</strong> the budget yesterday", await PageAsync(_site.BudgetPath));
        Assert.Contains("approved", await PageAsync("/feed.xml"));

        await SetPolicyAsync(_site.Seed.Diario, SourcePolicy.Headline);

        var page = await PageAsync(_site.BudgetPath);
        Assert.Contains("Government approves the budget", page);
        Assert.DoesNotContain("The Council of Ministers gives the green light", page);
        Assert.DoesNotContain("approved</strong> the budget yesterday", page);
        Assert.Contains("allows the headline only", page);
        var feed = await PageAsync("/feed.xml");
        Assert.DoesNotContain("The Government approved the budget yesterday", feed);
        Assert.DoesNotContain("The Council of Ministers gives the green light", feed);

        await SetPolicyAsync(_site.Seed.Diario, SourcePolicy.Full);
        Assert.Contains("approved</strong> the budget yesterday", await PageAsync(_site.BudgetPath));
    }
}

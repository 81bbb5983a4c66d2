using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// The machine's clock jumps back hours and forward days between passes (every part reads one clock the test sets): polls stay
/// on schedule from the clock as it is now (none held back by a plan made at a later time, none planned in the past),
/// every article is stored exactly once, and the latest list and day pages keep the articles' own dates and order.
/// </summary>
public sealed class ClockJumpTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task DuePasses_ClockJumpsBackAndForward_PollOnScheduleAndStoreEveryArticleOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new JumpingClock(TimeProvider.System, Start);
        await using var outlet = await NumberedOutlet.StartAsync(2, ct);
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Pipeline:MinPollInterval"] = "00:01:00",
            ["ForeignDesk:Pipeline:MaxPollInterval"] = "00:10:00",
        }, ct, clock);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var endpoints = site.Services.GetRequiredService<ISourceEndpointStore>();
        var source = await store.AddSourceAsync(new SourceDraft("Le Courrier", outlet.Home, [outlet.Feed], "fr", "News/World", "Europe/Paris"), ct);
        var pass = site.Services.GetRequiredService<IngestPass>();
        await pass.RunAsync(dueOnly: true, ct);
        await AssertPlannedFromNowAsync();

        // Back three hours: the plan made "later" must not hold the feed back for three hours.
        clock.Set(Start - TimeSpan.FromHours(3));
        outlet.Publish();
        await pass.RunAsync(dueOnly: true, ct);
        Assert.NotNull(await store.FindByUrlAsync(outlet.ArticleUrl(3).AbsoluteUri, ct));
        await AssertPlannedFromNowAsync();

        // Forward two days: everything is due at once, and the next poll is planned ahead of the new time.
        clock.Set(Start + TimeSpan.FromDays(2));
        outlet.Publish();
        var next = await pass.NextDueAsync(ct);
        Assert.True(next <= clock.GetUtcNow(), "after a jump forward the feed is due");
        await pass.RunAsync(dueOnly: true, ct);
        Assert.NotNull(await store.FindByUrlAsync(outlet.ArticleUrl(4).AbsoluteUri, ct));
        await AssertPlannedFromNowAsync();

        // Back to the start, and a pass that polls everything: nothing is stored twice.
        clock.Set(Start);
        outlet.Publish();
        await pass.RunAsync(dueOnly: true, ct);
        await pass.RunAsync(ct);

        var stored = (await store.FromSourceAsync(source.Id, null, 100, ct)).Items;
        Assert.Equal(outlet.Published, stored.Count);
        Assert.Equal(outlet.Published, stored.Select(a => a.Id).Distinct().Count());
        var newestFirst = new List<long>();
        for (var i = outlet.Published; i >= 1; i--)
            newestFirst.Add((await store.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, ct))!.Id);
        var latest = await store.LatestAsync(10, ct);
        Assert.Equal(newestFirst, latest.Select(a => a.Id));
        var day = await store.OnDateAsync(new DateOnly(2026, 11, 29), null, 100, ct);
        Assert.Equal(outlet.Published, day.Items.Count);
        foreach (var article in latest)
        {
            var full = await store.GetArticleAsync(article.Id, ct);
            Assert.False(full!.PublishedEstimated);
        }

        async Task AssertPlannedFromNowAsync()
        {
            var now = clock.GetUtcNow();
            var endpoint = Assert.Single(await endpoints.EndpointsAsync(source.Id, ct));
            Assert.True(endpoint.NextPollUtc > now && endpoint.NextPollUtc <= now + MaxPollInterval,
                $"next poll {endpoint.NextPollUtc:O} is not within {MaxPollInterval} after now ({now:O})");
        }
    }
}

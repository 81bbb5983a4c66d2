using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="IStoryStore"/>: placements, stories and their facts, merges, related lists.</summary>
public abstract class StoryStoreContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task SavePlacementAsync_BuildsTheStoryWithItsEarliestEnglishHeadline()
    {
        var diario = await AddSourceAsync("El Diario");
        var gazette = await AddSourceAsync("Gazette", language: "de");
        var start = Time.GetUtcNow();
        var first = await SaveAsync(diario, "https://e.example/1", "Terremoto en Granada", start);
        var second = await SaveAsync(gazette, "https://e.example/2", "Erdbeben in Granada", start.AddHours(1));
        await Store.SaveArticleAsync(Draft(gazette, "https://e.example/2", "h2") with { Language = "de", PublishedUtc = start.AddHours(1) }, start, Ct);
        await TranslateAsync(second, "Earthquake in Granada");

        var s1 = await Stories.SavePlacementAsync(new StoryPlacement(first, first, start, null, "f1"), Ct);
        var s2 = await Stories.SavePlacementAsync(new StoryPlacement(second, first, start.AddHours(1), null, "f2"), Ct);

        Assert.True(s2 > s1);
        var story = await Stories.GetStoryAsync(first, Ct);
        Assert.Equal("Earthquake in Granada", story!.Headline);
        Assert.Equal([first, second], story.Articles.Select(a => a.Article.Id));
        Assert.Equal(["el-diario", "gazette"], story.Articles.Select(a => a.SourceSlug));
        var facts = await Stories.StoryFactsAsync(first, Ct);
        Assert.Equal(new StoryFacts(first, "Earthquake in Granada", start, start.AddHours(1), 2, 2, ["de", "es"]) with { Languages = facts!.Languages }, facts);
        Assert.Equal(["de", "es"], facts.Languages);
        Assert.Equal(facts.Id, (await Stories.StoryFactsOfArticleAsync(second, Ct))!.Id);
        Assert.Equal(first, await Stories.StoryOfAsync(second, Ct));
        Assert.Null(await Stories.GetStoryAsync(second, Ct));
        Assert.Null(await Stories.StoryFactsAsync(second, Ct));
        Assert.Equal([(first, "f1", s1), (second, "f2", s2)],
            (await Stories.PlacementsSinceAsync(0, start, Ct)).Select(p => (p.ArticleId, p.Features, p.Sequence)));
        Assert.Equal([second], (await Stories.PlacementsSinceAsync(s1, start, Ct)).Select(p => p.ArticleId));
        Assert.Equal([second], (await Stories.PlacementsSinceAsync(0, start.AddMinutes(30), Ct)).Select(p => p.ArticleId));
    }

    [Fact]
    public async Task SavePlacementAsync_AfterTheOutletRemovedTheHeadlinesArticle_TheStoryTakesItsHeadlineAndCountFromTheOthers()
    {
        var diario = await AddSourceAsync("El Diario");
        var start = Time.GetUtcNow();
        var first = await SaveAsync(diario, "https://e.example/1", "Terremoto en Granada", start);
        var second = await SaveAsync(diario, "https://e.example/2", "Granada tiembla", start.AddHours(1));
        var third = await SaveAsync(diario, "https://e.example/3", "Réplicas en Granada", start.AddHours(2));
        await TranslateAsync(first, "Earthquake in Granada");
        await TranslateAsync(second, "Granada shakes");
        await TranslateAsync(third, "Aftershocks in Granada");
        await Stories.SavePlacementAsync(new StoryPlacement(first, first, start, null, "f1"), Ct);
        await Stories.SavePlacementAsync(new StoryPlacement(second, first, start.AddHours(1), null, "f2"), Ct);

        await Store.MarkRemovedByOutletAsync(first, Time.GetUtcNow(), Ct);
        await Stories.SavePlacementAsync(new StoryPlacement(third, first, start.AddHours(2), null, "f3"), Ct);

        var facts = await Stories.StoryFactsAsync(first, Ct);
        Assert.Equal(("Granada shakes", 2), (facts!.Headline, facts.ArticleCount));
        Assert.Equal([second, third], (await Stories.StoryArticlesAsync(first, null, 10, Ct)).Items.Select(a => a.Article.Id));
    }

    [Fact]
    public async Task SavePlacementAsync_MovingTheLastArticleAwayEndsTheOldStory()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await SaveAsync(source, "https://e.example/a", "Uno");
        var b = await SaveAsync(source, "https://e.example/b", "Dos");
        await Stories.SavePlacementAsync(new StoryPlacement(a, a, Time.GetUtcNow(), null, "f"), Ct);
        await Stories.SavePlacementAsync(new StoryPlacement(b, b, Time.GetUtcNow(), null, "f"), Ct);

        await Stories.SavePlacementAsync(new StoryPlacement(b, a, Time.GetUtcNow(), a, "f"), Ct);

        Assert.Null(await Stories.StoryFactsAsync(b, Ct));
        var story = await Stories.GetStoryAsync(a, Ct);
        Assert.Equal([(a, (long?)null), (b, a)], story!.Articles.Select(x => (x.Article.Id, x.DuplicateOf)));
    }

    [Fact]
    public async Task MergeStoriesAsync_MovesArticlesAndRedirectsAbsorbedIdsAlsoAbsorbedEarlier()
    {
        var source = await AddSourceAsync("El Diario");
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SaveAsync(source, $"https://e.example/{i}", $"Noticia {i}", Time.GetUtcNow().AddMinutes(i)));
            await Stories.SavePlacementAsync(new StoryPlacement(ids[i], ids[i], Time.GetUtcNow().AddMinutes(i), null, "f"), Ct);
        }
        var before = (await Stories.PlacementsSinceAsync(0, DateTimeOffset.UnixEpoch, Ct)).Max(p => p.Sequence);

        await Stories.MergeStoriesAsync(new StoryMerge(ids[1], [ids[2]], Time.GetUtcNow(), [new DuplicateMark(ids[2], ids[1])]), Ct);
        await Stories.MergeStoriesAsync(new StoryMerge(ids[0], [ids[1], ids[0]], Time.GetUtcNow(), []), Ct);

        var story = await Stories.GetStoryAsync(ids[0], Ct);
        Assert.Equal(ids, story!.Articles.Select(a => a.Article.Id));
        Assert.Equal([null, null, ids[1]], story.Articles.Select(a => a.DuplicateOf));
        Assert.Equal(ids[0], await Stories.SurvivorOfAsync(ids[1], Ct));
        Assert.Equal(ids[0], await Stories.SurvivorOfAsync(ids[2], Ct));
        Assert.Null(await Stories.SurvivorOfAsync(ids[0], Ct));
        Assert.Null(await Stories.StoryFactsAsync(ids[1], Ct));
        Assert.Equal(3, (await Stories.StoryFactsAsync(ids[0], Ct))!.ArticleCount);
        Assert.Equal([ids[1], ids[2]], (await Stories.PlacementsSinceAsync(before, DateTimeOffset.UnixEpoch, Ct)).Select(p => p.ArticleId).Order());
    }

    [Fact]
    public async Task PrecomputedRelatedAsync_OnePerStoryAndNeverTheArticlesOwnStory()
    {
        var source = await AddSourceAsync("El Diario");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await SaveAsync(source, $"https://e.example/{i}", $"Noticia {i}"));
        // Stories: {0, 1}, {2, 3}; 4 in none.
        foreach (var (article, story) in new[] { (0, 0), (1, 0), (2, 2), (3, 2) })
            await Stories.SavePlacementAsync(new StoryPlacement(ids[article], ids[story], Time.GetUtcNow(), null, "f"), Ct);

        await Stories.SaveRelatedAsync(ids[0], [ids[1], ids[3], ids[2], ids[4]], Ct);

        Assert.Equal([ids[3], ids[4]], (await Stories.PrecomputedRelatedAsync(ids[0], 5, Ct)).Select(a => a.Id));
        Assert.Equal([ids[3]], (await Stories.PrecomputedRelatedAsync(ids[0], 1, Ct)).Select(a => a.Id));
        Assert.Equal([ids[3], ids[4]], (await Store.RelatedAsync(ids[0], 5, Ct)).Select(a => a.Id));
        await Stories.SaveRelatedAsync(ids[0], [ids[4]], Ct);
        Assert.Equal([ids[4]], (await Stories.PrecomputedRelatedAsync(ids[0], 5, Ct)).Select(a => a.Id));
        Assert.Empty(await Stories.PrecomputedRelatedAsync(ids[1], 5, Ct));
    }

    [Fact]
    public async Task ArticleWithStoryAsync_ReadsTheArticleItsRelatedArticlesAndItsStoryAsTheirOwnReadsDo()
    {
        var source = await AddSourceAsync("El Diario");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await SaveAsync(source, $"https://e.example/{i}", $"Noticia {i}"));
        await TranslateAsync(ids[0], "News 0", "Ñandú, 東京 and “quotes”");
        // Stories: {0, 1}, {2, 3}; 4 in none.
        foreach (var (article, story) in new[] { (0, 0), (1, 0), (2, 2), (3, 2) })
            await Stories.SavePlacementAsync(new StoryPlacement(ids[article], ids[story], Time.GetUtcNow(), null, "f"), Ct);
        await Stories.SaveRelatedAsync(ids[0], [ids[1], ids[3], ids[2], ids[4]], Ct);

        var shown = await Stories.ArticleWithStoryAsync(ids[0], 5, Ct);

        Assert.NotNull(shown);
        var alone = await Store.GetArticleAsync(ids[0], Ct);
        Assert.Equal((alone!.Id, alone.Url, alone.Original.Title, alone.Translation!.Title), (shown.Article.Id, shown.Article.Url, shown.Article.Original.Title, shown.Article.Translation!.Title));
        Assert.Equal("Ñandú, 東京 and “quotes”", shown.Article.Translation.Paragraphs.Single().Text);
        Assert.Equal([ids[3], ids[4]], shown.Related.Select(a => a.Id));
        Assert.Equal(await Stories.StoryFactsOfArticleAsync(ids[0], Ct) with { Languages = shown.Story!.Languages }, shown.Story);
        Assert.Equal(2, shown.Story.ArticleCount);
        Assert.Equal([ids[3]], (await Stories.ArticleWithStoryAsync(ids[0], 1, Ct))!.Related.Select(a => a.Id));
        var lone = await Stories.ArticleWithStoryAsync(ids[4], 5, Ct);
        Assert.Equal((ids[4], 0, (StoryFacts?)null), (lone!.Article.Id, lone.Related.Count, lone.Story));
        Assert.Null(await Stories.ArticleWithStoryAsync(ids[4] + 100, 5, Ct));
    }

    [Fact]
    public async Task StoryArticlesAsync_PagesInTimeOrderBothWays()
    {
        var source = await AddSourceAsync("El Diario");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await SaveAsync(source, $"https://e.example/{i}", $"Noticia {i}", Time.GetUtcNow().AddMinutes(i)));
            await Stories.SavePlacementAsync(new StoryPlacement(ids[i], ids[0], Time.GetUtcNow().AddMinutes(i), null, "f"), Ct);
        }

        var first = await Stories.StoryArticlesAsync(ids[0], null, 2, Ct);
        var second = await Stories.StoryArticlesAsync(ids[0], first.Later, 2, Ct);
        var third = await Stories.StoryArticlesAsync(ids[0], second.Later, 2, Ct);
        var back = await Stories.StoryArticlesAsync(ids[0], second.Earlier, 2, Ct);

        Assert.Equal(ids[..2], first.Items.Select(a => a.Article.Id));
        Assert.Null(first.Earlier);
        Assert.Equal(ids[2..4], second.Items.Select(a => a.Article.Id));
        Assert.Equal(ids[4..], third.Items.Select(a => a.Article.Id));
        Assert.Null(third.Later);
        Assert.Equal(ids[..2], back.Items.Select(a => a.Article.Id));
    }

    [Fact]
    public async Task LatestStoriesAsync_OneLinePerStoryAndUnplacedAlone()
    {
        var source = await AddSourceAsync("El Diario");
        var a = await SaveAsync(source, "https://e.example/a", "Uno", Time.GetUtcNow());
        var b = await SaveAsync(source, "https://e.example/b", "Dos", Time.GetUtcNow().AddMinutes(1));
        var c = await SaveAsync(source, "https://e.example/c", "Tres", Time.GetUtcNow().AddMinutes(2));
        await Stories.SavePlacementAsync(new StoryPlacement(a, a, Time.GetUtcNow(), null, "f"), Ct);
        await Stories.SavePlacementAsync(new StoryPlacement(c, a, Time.GetUtcNow().AddMinutes(2), null, "f"), Ct);

        var lines = await Stories.LatestStoriesAsync(10, Ct);

        Assert.Equal([(c, (long?)a, 2), (b, null, 1)], lines.Select(l => (l.Lead.Id, l.StoryId, l.ArticleCount)));
        Assert.Equal("Uno", lines[0].Headline);
        Assert.Equal(["es"], lines[0].Languages);
    }

    [Fact]
    public async Task UnplacedAsync_TranslatedOrAwaitingArticlesWithoutAStory()
    {
        var source = await AddSourceAsync("El Diario");
        var extracted = await SaveAsync(source, "https://e.example/a", "Uno");
        var translated = await SaveAsync(source, "https://e.example/b", "Dos");
        var awaiting = await SaveAsync(source, "https://e.example/c", "Tres");
        var placed = await SaveAsync(source, "https://e.example/d", "Cuatro");
        await TranslateAsync(translated, "Two");
        await Store.MarkAwaitingEngineAsync(awaiting, Ct);
        await TranslateAsync(placed, "Four");
        await Stories.SavePlacementAsync(new StoryPlacement(placed, placed, Time.GetUtcNow(), null, "f"), Ct);

        Assert.Equal([translated, awaiting], await Stories.UnplacedAsync(10, Ct));
        Assert.DoesNotContain(extracted, await Stories.UnplacedAsync(10, Ct));
    }
}

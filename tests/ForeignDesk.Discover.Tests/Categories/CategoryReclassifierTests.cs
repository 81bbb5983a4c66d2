using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Discover.Tests.Search;
using Xunit;

namespace ForeignDesk.Discover.Tests.Categories;

/// <summary>Filing stored articles again after the section table was edited, over a real SQLite file and table file.</summary>
public sealed class CategoryReclassifierTests : IAsyncLifetime
{
    private NewsDesk _desk = null!;
    private Source _diario = null!;
    private Source _gaceta = null!;
    private SectionMap _sections = null!;
    private CategoryModel _model = null!;
    private CategoryReclassifier _reclassifier = null!;
    private readonly string _table = Path.Combine(Path.GetTempPath(), $"foreigndesk-sections-{Guid.NewGuid():N}.tsv");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _desk = await NewsDesk.OpenAsync(Ct);
        _diario = await _desk.OutletAsync("El Diario", "es", "News/World", Ct);
        _gaceta = await _desk.OutletAsync("La Gaceta", "es", "News/World", Ct);
        var sections = new Dictionary<string, string> { ["Sports"] = "Deportes", ["News/Politics"] = "Política", ["Business"] = "Economía", ["Health"] = "Salud" };
        var i = 0;
        foreach (var round in Enumerable.Range(0, 2))
            foreach (var (text, category) in NaiveBayesClassifierTests.Labelled)
                await _desk.ArticleAsync(_diario, $"Original {i}", "Texto.", $"Story {i++}", text, NewsDesk.Now.AddDays(-3).AddMinutes(-i), Ct,
                    category: category, section: sections[category]);
        _sections = new SectionMap(_table);
        var mapper = new CategoryMapper(_sections);
        _model = new CategoryModel(_desk.Store, mapper, _desk.Time);
        _reclassifier = new CategoryReclassifier(_desk.Store, _desk.Store, mapper, _model);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_table);
        await _desk.DisposeAsync();
    }

    private Task<long> GossipAsync(Source outlet, DateTimeOffset published) =>
        _desk.ArticleAsync(outlet, "Boda en Marbella", "Texto.", "Wedding in Marbella", "The singer married the actor in Marbella",
            published, Ct, section: "Cotilleo");

    private async Task<string> CategoryAsync(long id) => (await _desk.Store.GetArticleAsync(id, Ct))!.Category;

    [Fact]
    public async Task RunAsync_SectionMappedAfterwards_DryRunCountsOnly_RunMovesThemOnce()
    {
        var gossip = await GossipAsync(_diario, NewsDesk.Now);
        Assert.Equal("News/World", await CategoryAsync(gossip));
        Assert.Null(await _sections.MapAsync("Cotilleo", "Life/Entertainment", Ct));

        var dry = await _reclassifier.RunAsync(new CategoryScan(), dryRun: true, Ct);

        Assert.Equal([new CategoryMove("News/World", "Life/Entertainment", 1)], dry.Moves);
        Assert.Equal(1, dry.Changed);
        Assert.Equal("News/World", await CategoryAsync(gossip));

        var run = await _reclassifier.RunAsync(new CategoryScan(), dryRun: false, Ct);

        Assert.Equal(1, run.Changed);
        Assert.Equal(run.Scanned, dry.Scanned);
        Assert.Equal("Life/Entertainment", await CategoryAsync(gossip));
        Assert.Equal(0, (await _reclassifier.RunAsync(new CategoryScan(), dryRun: false, Ct)).Changed);
    }

    [Fact]
    public async Task RunAsync_SourceAndSince_OnlyThoseArticles()
    {
        var recent = await GossipAsync(_gaceta, NewsDesk.Now);
        var old = await GossipAsync(_gaceta, NewsDesk.Now.AddDays(-10));
        var elsewhere = await GossipAsync(_diario, NewsDesk.Now);
        await _sections.MapAsync("Cotilleo", "Life/Entertainment", Ct);

        var report = await _reclassifier.RunAsync(new CategoryScan(_gaceta.Id, NewsDesk.Now.AddDays(-1)), dryRun: false, Ct);

        Assert.Equal(1, report.Scanned);
        Assert.Equal("Life/Entertainment", await CategoryAsync(recent));
        Assert.Equal("News/World", await CategoryAsync(old));
        Assert.Equal("News/World", await CategoryAsync(elsewhere));
    }

    [Fact]
    public async Task RunAsync_NoUsableSection_FreshClassifierFilesTheEnglishText()
    {
        var match = await _desk.ArticleAsync(_gaceta, "Sin sección", "Texto.", "Cup final",
            "The striker scored and the club won the cup final match", NewsDesk.Now, Ct, path: "2026/11/29");
        Assert.Equal("News/World", await CategoryAsync(match));

        var report = await _reclassifier.RunAsync(new CategoryScan(_gaceta.Id), dryRun: false, Ct);

        Assert.Equal([new CategoryMove("News/World", "Sports", 1)], report.Moves);
        Assert.Equal("Sports", await CategoryAsync(match));
    }

    [Fact]
    public async Task GetAsync_SectionTableEdited_TrainsAgainWithoutWaiting()
    {
        var before = await _model.GetAsync(Ct);
        Assert.Same(before, await _model.GetAsync(Ct));

        await _sections.MapAsync("Salud", "Science", Ct);

        Assert.NotSame(before, await _model.GetAsync(Ct));
    }
}

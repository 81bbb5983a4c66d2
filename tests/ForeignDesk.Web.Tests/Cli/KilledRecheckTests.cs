using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Faults;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// The real program's <c>worker</c> killed (SIGKILL) at random points while its recheck jobs find that the outlet
/// rewrote a paragraph of every article, then run until done: each article keeps exactly one earlier version (the
/// text before the outlet's update) and is translated again, whatever check a kill interrupted.
/// </summary>
public sealed class KilledRecheckTests : IDisposable
{
    private const int Articles = 12;
    private const int Kills = 5;

    private readonly SharedStore _store = SharedStore.Sqlite(
        ("ForeignDesk__Pipeline__FirstRecheck", "00:00:01"),
        // The outlet's articles are dated 29 November 2026: a window long enough that checks still run today.
        ("ForeignDesk__Pipeline__RecheckWindow", "3650.00:00:00"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Worker_KilledWhileRecheckingRevisedArticles_KeepsExactlyOneEarlierVersionOfEach()
    {
        await using var outlet = await NumberedOutlet.StartAsync(Articles, Ct, KilledIngestTests.ArticleDelay);
        await _store.AddSourceAsync(outlet, Ct);
        using (var ingest = _store.Start(Ct, "ingest", "--once"))
        {
            await ingest.WaitAsync(TimeSpan.FromMinutes(3), Ct);
            var done = await ingest.StopAsync(terminate: false, Ct);
            Assert.True(done.ExitCode == 0, done.Error);
        }

        outlet.Revise();
        var random = new Random(17);
        for (var run = 0; run < Kills; run++)
        {
            using var killed = _store.Start(Ct, "worker", "--urls", $"http://127.0.0.1:{PipelineProcess.FreePort()}");
            await killed.WaitAsync(TimeSpan.FromMilliseconds(random.Next(300, 2500)), Ct);
            await killed.StopAsync(terminate: false, Ct);
        }
        using (var worker = _store.Start(Ct, "worker", "--urls", $"http://127.0.0.1:{PipelineProcess.FreePort()}"))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (DateTime.UtcNow < deadline && !await AllRevisedAndTranslatedAsync()) await Task.Delay(250, Ct);
            await worker.StopAsync(terminate: true, Ct);
        }

        await using var app = _store.Open();
        var store = app.Services.GetRequiredService<IArticleStore>();
        var versions = app.Services.GetRequiredService<IArticleVersionStore>();
        for (var i = 1; i <= Articles; i++)
        {
            var article = (await store.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, Ct))!;
            Assert.Equal(NumberedOutlet.RevisedParagraph(i), article.Original.Paragraphs[1].Text);
            var earlier = Assert.Single(await versions.EarlierVersionsAsync(article.Id, Ct));
            Assert.Equal(VersionCause.OutletUpdate, earlier.EndedBy);
            Assert.Equal(NumberedOutlet.Article(i).Paragraphs[1], earlier.Original.Paragraphs[1].Text);
            Assert.Equal(ArticleState.Translated, article.State);
            Assert.True(article.Translation!.TranslatedUtc > earlier.UntilUtc, $"article {i} was not translated again");
        }
    }

    private async Task<bool> AllRevisedAndTranslatedAsync()
    {
        await using var app = _store.Open();
        var store = app.Services.GetRequiredService<IArticleStore>();
        var versions = app.Services.GetRequiredService<IArticleVersionStore>();
        var source = Assert.Single(await store.ListSourcesAsync(Ct));
        foreach (var line in (await store.FromSourceAsync(source.Id, null, Articles + 10, Ct)).Items)
        {
            var article = (await store.GetArticleAsync(line.Id, Ct))!;
            if (article.State != ArticleState.Translated || await versions.LastEarlierVersionAsync(line.Id, Ct) is not { } last
                || article.Translation!.TranslatedUtc <= last.UntilUtc)
                return false;
        }
        return true;
    }
}

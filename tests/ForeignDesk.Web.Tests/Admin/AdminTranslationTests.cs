using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Jobs;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>/admin/glossary and paragraph corrections: changes reach the stored translations and the article pages.</summary>
public sealed class AdminTranslationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OutletServer _outlet = null!;
    private AdminSite _site = null!;

    private IArticleStore Store => _site.Services.GetRequiredService<IArticleStore>();

    public async ValueTask InitializeAsync()
    {
        (_outlet, _site) = await AdminOutlet.StartWithSiteAsync(Ct);
        await AdminOutlet.FollowAsync(_site, _outlet, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _outlet.DisposeAsync();
    }

    private async Task<StoredArticle> ArticleAsync(OutletArticle article) =>
        (await Store.FindByUrlAsync(_outlet.Url(article.Path).AbsoluteUri, Ct))!;

    private async Task SubmitGlossaryAsync(AdminClient client, string action, params KeyValuePair<string, string>[] fields)
    {
        var response = await client.SubmitAsync("/admin/glossary", "/admin/glossary/" + action, fields, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await _site.Services.GetRequiredService<JobRunner>().RunUntilIdleAsync(Ct);
    }

    /// <summary>The article's page as a reader gets it once the site has caught up with the store.</summary>
    private async Task<string> PublicPageAsync(StoredArticle article, string query = "")
    {
        using var reader = Pages.CatchingUpHandler.Client(_site.Services, _site.Address);
        return await reader.GetStringAsync($"/article/{article.Id}/{Slug.From(article.DisplayTitle)}{query}", Ct);
    }

    [Fact]
    public async Task Glossary_AddEditRemove_TranslatesAgainTheArticlesThatHoldTheTerm_Only()
    {
        using var client = await _site.SignedInAsync(Ct);
        var prices = (await ArticleAsync(OutletWorld.Prices)).Translation;
        Assert.StartsWith("The Government approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);

        await SubmitGlossaryAsync(client, "add", new("language", "es"), new("term", "Gobierno"), new("rendering", "Executive"), new("source", ""));
        Assert.StartsWith("The Executive approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);
        Assert.Equivalent(prices, (await ArticleAsync(OutletWorld.Prices)).Translation);
        await client.GetAsync("/admin/glossary", Ct);
        Assert.Contains("Gobierno (es): the articles it touches are being found and queued to be translated again", client.LastPage);

        await SubmitGlossaryAsync(client, "edit", new("old_language", "es"), new("old_term", "Gobierno"), new("old_source", ""),
            new("language", "es"), new("term", "Gobierno"), new("rendering", "Cabinet"), new("source", ""));
        Assert.StartsWith("The Cabinet approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);

        await SubmitGlossaryAsync(client, "remove", new("old_language", "es"), new("old_term", "Gobierno"), new("old_source", ""));
        Assert.StartsWith("The Government approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);
        await client.GetAsync("/admin/glossary", Ct);
        Assert.Contains("Entries (0)", client.LastPage);
    }

    [Fact]
    public async Task GlossaryPost_AnswersBeforeAnyArticleIsQueued_AndAWorkerAfterARestartQueuesAndTranslatesThem()
    {
        using var client = await _site.SignedInAsync(Ct);
        var housing = await ArticleAsync(OutletWorld.Housing);
        var prices = await ArticleAsync(OutletWorld.Prices);

        // Two posts of one change (the term's rendering set, then changed): each answers having queued only the scan,
        // one durable job for both, and no article is looked at yet.
        var added = await client.SubmitAsync("/admin/glossary", "/admin/glossary/add",
            [new("language", "es"), new("term", "Gobierno"), new("rendering", "Executive"), new("source", "")], Ct);
        var edited = await client.SubmitAsync("/admin/glossary", "/admin/glossary/edit", [new("old_language", "es"), new("old_term", "Gobierno"),
            new("old_source", ""), new("language", "es"), new("term", "Gobierno"), new("rendering", "Cabinet"), new("source", "")], Ct);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (added.StatusCode, edited.StatusCode));
        Assert.Empty(await JobsAsync(JobKinds.Retranslate));
        Assert.Equal([$"{JobKinds.GlossaryScan} queued"], (await JobsAsync(JobKinds.GlossaryScan)).Select(j => j.Split(' ')[0] + " " + j.Split(' ')[2]));
        await client.GetAsync("/admin/glossary", Ct);
        Assert.Contains("Gobierno (es): the articles it touches are being found and queued to be translated again", client.LastPage);

        // The site stops; a worker started afterwards over the same store scans (one job per touched article) ...
        await _site.Site.StopAsync(Ct);
        await using var worker = _site.Site.Worker();
        await ScanPassAsync(worker.Services);

        Assert.Empty(await JobsAsync(JobKinds.GlossaryScan));
        Assert.Equal([$"retranslate {housing.Id} queued"], await JobsAsync(JobKinds.Retranslate));
        Assert.StartsWith("The Government approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);

        // ... and translates them again.
        await worker.Services.GetRequiredService<JobRunner>().RunUntilIdleAsync(Ct);

        Assert.StartsWith("The Cabinet approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);
        Assert.Equivalent(prices.Translation, (await ArticleAsync(OutletWorld.Prices)).Translation);
        Assert.Empty(await JobsAsync(JobKinds.Retranslate));
    }

    [Fact]
    public async Task GlossaryChange_ProcessKilledBetweenWritingTheFileAndQueueingTheScan_ItsPendingScanRunsLater_AndTranslatesAgain()
    {
        var housing = await ArticleAsync(OutletWorld.Housing);
        var prices = await ArticleAsync(OutletWorld.Prices);
        var change = new GlossaryChange("es", ["Gobierno"], null);

        // What a post does until the file is written; the process dies before it brings the scan forward.
        await _site.Services.GetRequiredService<IJobQueue>().EnqueueAsync(GlossaryScanStage.PendingJobsOf([change], TimeProvider.System.GetUtcNow()), Ct);
        _site.Services.GetRequiredService<ForeignDesk.Ingest.Translate.TranslationStack>().Glossary!.Add(new ForeignDesk.Ingest.Translate.GlossaryEntry("es", "Gobierno", "Executive", null));
        await _site.Site.StopAsync(Ct);

        // A worker started at once leaves the scan pending ...
        await using var worker = _site.Site.Worker();
        await ScanPassAsync(worker.Services);
        Assert.Equal([$"{JobKinds.GlossaryScan} scheduled"], (await JobsAsync(JobKinds.GlossaryScan)).Select(j => j.Split(' ')[0] + " " + j.Split(' ')[2]));
        Assert.Empty(await JobsAsync(JobKinds.Retranslate));

        // ... and runs it once its write window has passed (a clock that far ahead), then translates the article again.
        var later = new ForeignDesk.Tests.Shared.JumpingClock(TimeProvider.System, TimeProvider.System.GetUtcNow() + GlossaryScanStage.WriteWindow);
        var options = worker.Services.GetRequiredService<IOptions<JobOptions>>();
        await new JobRunner(new ForeignDesk.Store.Sqlite.SqliteJobQueue(_site.Site.DatabasePath, later, options.Value.RetryPolicy), [worker.Services.GetRequiredService<GlossaryScanStage>()],
            options, later, NullLogger<JobRunner>.Instance).RunUntilIdleAsync(Ct);
        Assert.Empty(await JobsAsync(JobKinds.GlossaryScan));
        Assert.Equal([$"retranslate {housing.Id} queued"], await JobsAsync(JobKinds.Retranslate));
        await worker.Services.GetRequiredService<JobRunner>().RunUntilIdleAsync(Ct);

        Assert.StartsWith("The Executive approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);
        Assert.Equivalent(prices.Translation, (await ArticleAsync(OutletWorld.Prices)).Translation);
    }

    [Fact]
    public async Task Glossary_ChangeForOneSource_QueuesOnlyThatSourcesArticles()
    {
        using var client = await _site.SignedInAsync(Ct);
        var housing = await ArticleAsync(OutletWorld.Housing);
        var outlet = (await Store.ListSourcesAsync(Ct)).Single().Slug;

        await client.SubmitAsync("/admin/glossary", "/admin/glossary/add",
            [new("language", "es"), new("term", "Gobierno"), new("rendering", "Executive"), new("source", "another-outlet")], Ct);
        await ScanPassAsync(_site.Services);
        Assert.Empty(await JobsAsync(JobKinds.Retranslate));

        await client.SubmitAsync("/admin/glossary", "/admin/glossary/add",
            [new("language", "es"), new("term", "Gobierno"), new("rendering", "Executive"), new("source", outlet)], Ct);
        await ScanPassAsync(_site.Services);
        Assert.Equal([$"retranslate {housing.Id} queued"], await JobsAsync(JobKinds.Retranslate));
    }

    /// <summary>A worker pass over the glossary scans only, so that the retranslate jobs they queue stay to be seen.</summary>
    private static Task ScanPassAsync(IServiceProvider services) =>
        new JobRunner(services.GetRequiredService<IJobQueue>(), [services.GetRequiredService<GlossaryScanStage>()],
            services.GetRequiredService<IOptions<JobOptions>>(), TimeProvider.System, NullLogger<JobRunner>.Instance).RunUntilIdleAsync(Ct);

    private Task<List<string>> JobsAsync(string kind) => Cli.StoredDataFolder.JobsAsync(_site.Site.DatabasePath, kind, Ct);

    [Fact]
    public async Task Correction_ReplacesTheParagraphOnTheArticlePage_NotesIt_AndSurvivesATranslationAgain()
    {
        using var client = await _site.SignedInAsync(Ct);
        var housing = await ArticleAsync(OutletWorld.Housing);
        const string Corrected = "On Tuesday the cabinet approved a housing plan that will help thousands of families.";
        var path = $"/admin/articles/{housing.Id}";

        var saved = await client.SubmitAsync(path, path + "/paragraphs/1", [new("text", Corrected)], Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await PublicPageAsync(housing);
        Assert.Contains($"<p>{Corrected}</p>", page);
        Assert.Contains("Corrected by the editor: 1 paragraph of this translation.", page);
        Assert.DoesNotContain(housing.Translation!.Paragraphs[0].Text, page);
        Assert.Contains(Corrected, await PublicPageAsync(housing, "?view=bilingual"));

        // The glossary touches the article: it is translated again, and the correction stays.
        await SubmitGlossaryAsync(client, "add", new("language", "es"), new("term", "Consejo de Ministros"), new("rendering", "Cabinet"), new("source", ""));
        Assert.Contains($"<p>{Corrected}</p>", await PublicPageAsync(housing));

        await client.GetAsync("/admin/corrections", Ct);
        Assert.Contains("paragraph 1: “" + Corrected + "” · editor", client.LastPage);

        await client.SubmitAsync(path, path + "/paragraphs/1/undo", [], Ct);
        var undone = await PublicPageAsync(housing);
        Assert.DoesNotContain(Corrected, undone);
        Assert.DoesNotContain("Corrected by the editor: 1 paragraph", undone);
        // The correction and its undoing stay readable as versions of the article.
        Assert.Contains(Corrected, await PublicPageAsync(housing, "?view=changes"));
    }

    [Fact]
    public async Task TranslationPosts_WithoutTokenOrSession_AreRefused_AndChangeNothing()
    {
        var housing = await ArticleAsync(OutletWorld.Housing);
        using var client = await _site.SignedInAsync(Ct);
        await client.GetAsync($"/admin/articles/{housing.Id}", Ct);
        var noToken = await client.PostAsync($"/admin/articles/{housing.Id}/paragraphs/1", [new("text", "Forged.")], Ct, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var noTokenGlossary = await client.PostAsync("/admin/glossary/add", [new("language", "es"), new("term", "Gobierno")], Ct, token: null);
        Assert.Equal(HttpStatusCode.BadRequest, noTokenGlossary.StatusCode);

        using var stranger = _site.Client();
        await stranger.GetAsync("/admin/sign-in", Ct);
        var noSession = await stranger.PostAsync($"/admin/articles/{housing.Id}/paragraphs/1", [new("text", "Forged.")], Ct, stranger.Token());
        Assert.Equal(HttpStatusCode.Forbidden, noSession.StatusCode);

        Assert.Empty(await _site.Services.GetRequiredService<ISegmentOverrideStore>().OverridesOfAsync(housing.Id, Ct));
        Assert.DoesNotContain("Gobierno", File.Exists(GlossaryPath) ? await File.ReadAllTextAsync(GlossaryPath, Ct) : "");
    }

    private string GlossaryPath => _site.Services.GetRequiredService<ForeignDesk.Ingest.Translate.TranslationStack>().Glossary!.Path;
}

using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Jobs;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
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
        Assert.Contains("Gobierno (es): 1 article queued to be translated again", client.LastPage);

        await SubmitGlossaryAsync(client, "edit", new("old_language", "es"), new("old_term", "Gobierno"), new("old_source", ""),
            new("language", "es"), new("term", "Gobierno"), new("rendering", "Cabinet"), new("source", ""));
        Assert.StartsWith("The Cabinet approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);

        await SubmitGlossaryAsync(client, "remove", new("old_language", "es"), new("old_term", "Gobierno"), new("old_source", ""));
        Assert.StartsWith("The Government approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);
        await client.GetAsync("/admin/glossary", Ct);
        Assert.Contains("Entries (0)", client.LastPage);
    }

    [Fact]
    public async Task Glossary_Changes_QueueOneDurableJobPerTouchedArticle_ThatAnotherProcessRuns()
    {
        using var client = await _site.SignedInAsync(Ct);
        var housing = await ArticleAsync(OutletWorld.Housing);
        var prices = await ArticleAsync(OutletWorld.Prices);

        // Two changes touch the housing article before any worker runs: one job for it, kept in the store.
        await client.SubmitAsync("/admin/glossary", "/admin/glossary/add",
            [new("language", "es"), new("term", "Gobierno"), new("rendering", "Executive"), new("source", "")], Ct);
        await client.SubmitAsync("/admin/glossary", "/admin/glossary/edit", [new("old_language", "es"), new("old_term", "Gobierno"),
            new("old_source", ""), new("language", "es"), new("term", "Gobierno"), new("rendering", "Cabinet"), new("source", "")], Ct);

        Assert.Equal([$"retranslate {housing.Id} queued"], await RetranslateJobsAsync());
        Assert.StartsWith("The Government approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);
        await client.GetAsync("/admin/glossary", Ct);
        Assert.Contains("Gobierno (es): 1 article queued to be translated again", client.LastPage);

        // The site's process is not needed: a worker started afterwards over the same store runs the job.
        await using (var worker = _site.Site.Worker())
            await worker.Services.GetRequiredService<JobRunner>().RunUntilIdleAsync(Ct);

        Assert.StartsWith("The Cabinet approves", (await ArticleAsync(OutletWorld.Housing)).Translation!.Title);
        Assert.Equivalent(prices.Translation, (await ArticleAsync(OutletWorld.Prices)).Translation);
        Assert.Empty(await RetranslateJobsAsync());
    }

    [Fact]
    public async Task Glossary_ChangeForOneSource_QueuesOnlyThatSourcesArticles()
    {
        using var client = await _site.SignedInAsync(Ct);
        var housing = await ArticleAsync(OutletWorld.Housing);
        var outlet = (await Store.ListSourcesAsync(Ct)).Single().Slug;

        await client.SubmitAsync("/admin/glossary", "/admin/glossary/add",
            [new("language", "es"), new("term", "Gobierno"), new("rendering", "Executive"), new("source", "another-outlet")], Ct);
        Assert.Empty(await RetranslateJobsAsync());

        await client.SubmitAsync("/admin/glossary", "/admin/glossary/add",
            [new("language", "es"), new("term", "Gobierno"), new("rendering", "Executive"), new("source", outlet)], Ct);
        Assert.Equal([$"retranslate {housing.Id} queued"], await RetranslateJobsAsync());
    }

    /// <summary>The retranslate jobs in the store's file, each as kind, key and state, read with SQL of the test's own.</summary>
    private async Task<List<string>> RetranslateJobsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_site.Site.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, key, state FROM jobs WHERE kind = 'retranslate' ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var jobs = new List<string>();
        while (await reader.ReadAsync(Ct)) jobs.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        return jobs;
    }

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

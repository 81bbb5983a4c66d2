using System.Net;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>/admin/sources: add an outlet from its home page after a preview, edit, pause, resume, remove, withdraw.</summary>
public sealed class AdminSourcesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OutletServer _outlet = null!;
    private AdminSite _site = null!;

    private IArticleStore Store => _site.Services.GetRequiredService<IArticleStore>();
    private ISourceControlStore Controls => _site.Services.GetRequiredService<ISourceControlStore>();

    public async ValueTask InitializeAsync() => (_outlet, _site) = await AdminOutlet.StartWithSiteAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _outlet.DisposeAsync();
    }

    private async Task<Source> AddFromHomePageAsync(AdminClient client)
    {
        var preview = await client.SubmitAsync("/admin/sources", "/admin/sources/preview", [new("url", _outlet.BaseUrl.AbsoluteUri)], Ct);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var added = await client.PostAsync("/admin/sources/add",
            [new("endpoint", "feed " + _outlet.Url("es/rss.xml").AbsoluteUri), new("home", _outlet.BaseUrl.AbsoluteUri), new("name", "La Voz"),
             new("language", "es"), new("category", "News/Politics"), new("timezone", "Europe/Madrid"), new("policy", "summary")], Ct, client.Token());
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return Assert.Single(await Store.ListSourcesAsync(Ct));
    }

    [Fact]
    public async Task Preview_FromAHomePage_ShowsTheFeedItFound_AndItsFirstArticlesTranslated_SavingNothing()
    {
        using var client = await _site.SignedInAsync(Ct);
        var preview = await client.SubmitAsync("/admin/sources", "/admin/sources/preview", [new("url", _outlet.BaseUrl.AbsoluteUri)], Ct);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("feed: " + _outlet.Url("es/rss.xml").AbsoluteUri, client.LastPage);
        Assert.Contains("The Government approves a plan of house", client.LastPage);
        Assert.Contains("Original: " + OutletWorld.Housing.Title, WebUtility.HtmlDecode(client.LastPage));
        Assert.Contains("apertium", client.LastPage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name=\"endpoint\" value=\"feed " + _outlet.Url("es/rss.xml").AbsoluteUri + "\"", client.LastPage);
        Assert.Contains("value=\"es\"", client.LastPage);
        Assert.Contains($"<input name=\"name\" value=\"{OutletPages.SpanishOutlet}\"", client.LastPage);
        Assert.Empty(await Store.ListSourcesAsync(Ct));
    }

    [Fact]
    public async Task Add_SavesTheSourceWithItsEndpoints_AndRefusesItTwice()
    {
        using var client = await _site.SignedInAsync(Ct);
        var source = await AddFromHomePageAsync(client);

        Assert.Equal(("La Voz", "es", "News/Politics", "Europe/Madrid"), (source.Name, source.Language, source.Category, source.TimeZone));
        Assert.Equal(SourcePolicy.Summary, (await Controls.SourceControlsAsync(Ct))[source.Id].Policy);
        var endpoint = Assert.Single(await _site.Services.GetRequiredService<ISourceEndpointStore>().EndpointsAsync(source.Id, Ct));
        Assert.Equal((EndpointKind.Feed, _outlet.Url("es/rss.xml")), (endpoint.Kind, endpoint.Url));

        var again = await client.SubmitAsync("/admin/sources", "/admin/sources/preview", [new("url", _outlet.BaseUrl.AbsoluteUri)], Ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already followed by La Voz", client.LastPage);
    }

    [Fact]
    public async Task EditPauseResume_ChangeTheSource_AndAPausedSourceIsNotPolled()
    {
        using var client = await _site.SignedInAsync(Ct);
        var source = await AddFromHomePageAsync(client);
        var path = "/admin/sources/" + source.Slug;

        var edited = await client.SubmitAsync(path, path + "/edit",
            [new("name", "La Voz del Sur"), new("language", "es,ca"), new("category", "Business"), new("timezone", "Atlantic/Canary"), new("policy", "full")], Ct);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = (await Store.GetSourceAsync(source.Slug, Ct))!;
        Assert.Equal(("La Voz del Sur", "es,ca", "Business", "Atlantic/Canary"), (after.Name, after.Language, after.Category, after.TimeZone));

        var wrongZone = await client.SubmitAsync(path, path + "/edit",
            [new("name", "X"), new("language", "es"), new("category", "Business"), new("timezone", "Mars/Olympus"), new("policy", "full")], Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongZone.StatusCode);
        Assert.Equal("La Voz del Sur", (await Store.GetSourceAsync(source.Slug, Ct))!.Name);

        await client.SubmitAsync(path, path + "/pause", [], Ct);
        Assert.True((await Controls.SourceControlsAsync(Ct))[source.Id].Paused);
        var paused = await _site.Services.GetRequiredService<IngestPass>().RunAsync(Ct);
        Assert.Equal(0, paused.Created);

        await client.SubmitAsync(path, path + "/resume", [], Ct);
        Assert.False((await Controls.SourceControlsAsync(Ct))[source.Id].Paused);
        var resumed = await _site.Services.GetRequiredService<IngestPass>().RunAsync(Ct);
        Assert.Equal(AdminOutlet.Articles.Length, resumed.Created);

        await client.GetAsync(path, Ct);
        Assert.Contains("<td data-label=\"Health\" class=\"endpoint-ok\">ok</td>", client.LastPage);
    }

    [Fact]
    public async Task Remove_KeepsTheArticles_Withdraw_TakesThemDown()
    {
        using var client = await _site.SignedInAsync(Ct);
        var source = await AddFromHomePageAsync(client);
        await _site.Services.GetRequiredService<IngestPass>().RunAsync(Ct);
        var path = "/admin/sources/" + source.Slug;

        await client.SubmitAsync(path, path + "/remove", [], Ct);
        Assert.Empty(await _site.Services.GetRequiredService<ISourceEndpointStore>().EndpointsAsync(source.Id, Ct));
        Assert.NotNull(await Store.FindByUrlAsync(_outlet.Url(OutletWorld.Housing.Path).AbsoluteUri, Ct));
        await client.GetAsync("/admin/sources", Ct);
        Assert.Contains("removed (articles kept)", client.LastPage);

        var unconfirmed = await client.SubmitAsync(path, path + "/withdraw", [new("confirm", "yes")], Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.NotNull(await Store.GetSourceAsync(source.Slug, Ct));

        var article = (await Store.FindByUrlAsync(_outlet.Url(OutletWorld.Housing.Path).AbsoluteUri, Ct))!;
        await client.SubmitAsync(path, path + "/withdraw", [new("confirm", source.Slug)], Ct);
        Assert.Null(await Store.FindByUrlAsync(_outlet.Url(OutletWorld.Housing.Path).AbsoluteUri, Ct));
        Assert.Equal(SourcePolicy.Withdrawn, (await _site.Services.GetRequiredService<ISourceControlStore>().SourceControlsAsync(Ct))[source.Id].Policy);
        await client.GetAsync("/admin/sources", Ct);
        Assert.Contains("withdrawn (pages answer 410)", client.LastPage);
        using var reader = _site.Client();
        using var gone = await reader.GetAsync($"/article/{article.Id}/x", Ct);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    [Fact]
    public async Task SourcePosts_WithoutSession_AreRefused_AndChangeNothing()
    {
        using var stranger = _site.Client();
        await stranger.GetAsync("/admin/sign-in", Ct);
        var response = await stranger.PostAsync("/admin/sources/add",
            [new("endpoint", "feed " + _outlet.Url("es/rss.xml").AbsoluteUri), new("home", _outlet.BaseUrl.AbsoluteUri), new("name", "X"),
             new("language", "es"), new("category", "Business"), new("timezone", "UTC"), new("policy", "full")], Ct, stranger.Token());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin/sources", Ct)).StatusCode);
        Assert.Empty(await Store.ListSourcesAsync(Ct));
    }
}

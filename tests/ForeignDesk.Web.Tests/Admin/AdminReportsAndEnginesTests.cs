using System.Net;
using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate.Engines;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>/admin/reports (readers' reports kept in the store) and /admin/engines (each engine's use, counted in the store).</summary>
public sealed class AdminReportsAndEnginesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OutletServer _outlet = null!;
    private AdminSite _site = null!;

    public async ValueTask InitializeAsync()
    {
        _outlet = await AdminOutlet.StartAsync(Ct);
        _site = await AdminSite.StartAsync(Ct, new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Translate:Engines:paid:Type"] = "LibreTranslate",
            ["ForeignDesk:Translate:Engines:paid:BaseUrl"] = "http://127.0.0.1:9/",
            ["ForeignDesk:Translate:Engines:paid:DailyCharacterBudget"] = "1000",
        });
        await AdminOutlet.FollowAsync(_site, _outlet, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _outlet.DisposeAsync();
    }

    [Fact]
    public async Task Reports_AreListedWithTheWayToTheParagraph_UntilDealtWith()
    {
        var reports = _site.Services.GetRequiredService<ITranslationReportStore>();
        var housing = (await _site.Services.GetRequiredService<IArticleStore>().FindByUrlAsync(_outlet.Url(OutletWorld.Housing.Path).AbsoluteUri, Ct))!;
        var id = await reports.AddReportAsync(housing.Id, 0, "“plan of house” should read “housing plan”", DateTimeOffset.UtcNow, Ct);
        Assert.NotNull(id);
        Assert.Null(await reports.AddReportAsync(999_999, null, "no such article", DateTimeOffset.UtcNow, Ct));

        using var client = await _site.SignedInAsync(Ct);
        await client.GetAsync("/admin/reports", Ct);
        Assert.Contains("“plan of house” should read “housing plan”", client.LastPage);
        Assert.Contains($"href=\"/admin/articles/{housing.Id}#p1\"", client.LastPage);

        var resolved = await client.SubmitAsync("/admin/reports", $"/admin/reports/{id}/resolve", [], Ct);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        await client.GetAsync("/admin/reports", Ct);
        Assert.DoesNotContain("housing plan", client.LastPage);
        await client.GetAsync("/admin/reports?all=true", Ct);
        Assert.Contains("dealt with", client.LastPage);
    }

    [Fact]
    public async Task ReaderReport_SentWithTheArticlesForm_IsListedForTheEditor()
    {
        var housing = (await _site.Services.GetRequiredService<IArticleStore>().FindByUrlAsync(_outlet.Url(OutletWorld.Housing.Path).AbsoluteUri, Ct))!;
        using var reader = new HttpClient { BaseAddress = _site.Address };
        var form = await Web.Tests.Pages.HtmlPage.GetAsync(reader, $"/article/{housing.Id}/report/1", Ct);
        Assert.Equal(200, form.Status);
        using var sent = await reader.PostAsync($"/article/{housing.Id}/report/1", new FormUrlEncodedContent(
            [new("token", form.One("input[name=token]").GetAttribute("value")!), new("note", "<b>the first sentence</b> lost its verb")]), Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        using var client = await _site.SignedInAsync(Ct);
        await client.GetAsync("/admin/reports", Ct);
        Assert.Contains("&lt;b&gt;the first sentence&lt;/b&gt; lost its verb", client.LastPage);
        Assert.Contains($"href=\"/admin/articles/{housing.Id}#p1\"", client.LastPage);
    }

    [Fact]
    public async Task Engines_ShowTodaysUseCountedInTheStore()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var apertium = Assert.Single(await _site.Services.GetRequiredService<IEngineUsageStore>().EngineUsageAsync(today, Ct), u => u.Engine == "apertium");
        Assert.True(apertium.Requests > 0 && apertium.Characters > 0);
        Assert.Equal(0, apertium.Failures);

        using var client = await _site.SignedInAsync(Ct);
        await client.GetAsync("/admin/engines", Ct);
        Assert.Contains($"<td data-label=\"Engine\">apertium</td><td data-label=\"Requests\">{apertium.Requests:N0}</td>", client.LastPage);
        Assert.Contains("1,000 characters", client.LastPage);
    }

    [Fact]
    public async Task EngineBudget_SpentTodayBeforeARestart_IsTakenUpWhenTheStoreIsPrepared()
    {
        var usage = _site.Services.GetRequiredService<IEngineUsageStore>();
        await usage.RecordEngineUseAsync("paid", 900, null, DateTimeOffset.UtcNow, Ct);
        await usage.RecordEngineUseAsync("paid", 0, "the engine answered 503", DateTimeOffset.UtcNow, Ct);

        await AppHost.PrepareStoreAsync(_site.Services, Ct);

        Assert.Equal(100, _site.Services.GetRequiredService<EngineCatalog>().Describe("paid").CharactersLeftToday);
        using var client = await _site.SignedInAsync(Ct);
        await client.GetAsync("/admin/engines", Ct);
        Assert.Contains("the engine answered 503", client.LastPage);
    }
}

using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>Runs of the pipeline after the first: no duplicates, and a changed article is updated in place.</summary>
public sealed class UpdatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondPass_AddsNothingAndAChangedArticleIsUpdated()
    {
        await using var world = new PipelineWorld();
        await world.InitializeAsync();
        var before = await world.Store.LatestAsync(100, Ct);

        var again = await world.RunPassAsync(Ct);
        Assert.Equal(0, again.Created);
        Assert.Equal(0, again.Updated);
        Assert.Equal(before.Select(a => a.Id).Order(), (await world.Store.LatestAsync(100, Ct)).Select(a => a.Id).Order());

        var changed = OutletWorld.Prices with
        {
            Paragraphs = [.. OutletWorld.Prices.Paragraphs, "El alcalde anunció ayudas para el alquiler."],
        };
        world.Outlets.Serve(changed.Path, "text/html; charset=utf-8", OutletPages.Spanish(world.Outlets.BaseUrl, changed));
        var original = await world.ArticleAsync(OutletWorld.Prices, Ct);

        var third = await world.RunPassAsync(Ct);
        Assert.Equal(1, third.Updated);
        Assert.Equal(0, third.Created);
        var updated = await world.ArticleAsync(OutletWorld.Prices, Ct);
        Assert.Equal(original.Id, updated.Id);
        Assert.Equal(ArticleState.Translated, updated.State);
        Assert.Equal(4, updated.Translation!.Paragraphs.Count);
        Assert.Contains(await RawApertium.SpanishAsync("El alcalde anunció ayudas para el alquiler.", Ct), updated.Translation.Paragraphs[3].Text);
        Assert.Equal(before.Count, (await world.Store.LatestAsync(100, Ct)).Count);

        var page = await world.Browser.GetStringAsync($"/article/{updated.Id}", Ct);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(updated.Translation.Paragraphs[3].Text).Replace("&#39;", "'"), page.Replace("&#39;", "'").Replace("&#x27;", "'"));
    }
}

using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Caching;

/// <summary>The output cache collects pages in buffers of <see cref="OutputCacheSegments.Size"/>; a page of several comes back whole.</summary>
public sealed class OutputCacheSegmentsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSite_SetsTheOutputCachesBufferSize_AndAPageLongerThanOneBuffer_ComesBackFromTheCacheWhole()
    {
        await using var site = await SeededSite.StartAsync(Ct);
        // An article of about three buffers: forty paragraphs of some four hundred characters, in each language.
        var paragraphs = Enumerable.Range(1, 40).Select(i => string.Join(' ', Enumerable.Repeat($"Frase {i} del largo artículo sobre las cuentas.", 9))).ToList();
        var english = Enumerable.Range(1, 40).Select(i => string.Join(' ', Enumerable.Repeat($"Sentence {i} of the long article on the accounts.", 9))).ToList();
        var id = await NewsSeed.SaveAsync(site.Server.Store, site.Seed.Diario, "https://diario.example/politica/largo",
            NewsSeed.Article("Un artículo largo", "Las cuentas, en detalle.", null, paragraphs.Select(p => new Paragraph("p", p, p)).ToList(),
                SiteServer.Now.AddHours(-1), null, null),
            SiteServer.Now.AddHours(-1), estimated: false, SiteServer.Now, Ct);
        await site.Server.Store.SaveTranslationAsync(id, new TranslatedArticle("A long article", "The accounts, in detail.",
            english.Select(p => new Paragraph("p", p, p)).ToList(), null, "apertium", "es→en", 0.02), SiteServer.Now, Ct);
        await SiteCatchUp.RunAsync(site.Server.Services, Ct);

        // The framework's own setting: were it renamed, the site would log it and this fails.
        Assert.Equal(OutputCacheSegments.Size, OutputCacheSegments.Current);
        foreach (var path in (string[])[$"/article/{id}/a-long-article", $"/api/v1/articles/{id}"])
        {
            using var first = await site.Plain.GetAsync(path, Ct);
            var rendered = await first.Content.ReadAsByteArrayAsync(Ct);
            using var second = await site.Plain.GetAsync(path, Ct);
            var cached = await second.Content.ReadAsByteArrayAsync(Ct);

            Assert.Null(first.Headers.Age);
            Assert.NotNull(second.Headers.Age);
            Assert.True(rendered.Length > 2 * OutputCacheSegments.Size, $"{path} is {rendered.Length} bytes, two buffers' worth or less");
            Assert.Equal(rendered, cached);
        }
    }
}

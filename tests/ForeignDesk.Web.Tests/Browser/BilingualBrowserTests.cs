using System.Text.Json;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Browser;

/// <summary>
/// The side-by-side view in headless Chromium, for a right-to-left (Arabic) and a left-to-right (Spanish) original: on
/// a wide screen each translated block sits beside its original with their top edges level; on a phone the original
/// follows its translation. Screenshots go to artifacts/screenshots (bilingual-*.png).
/// </summary>
public sealed class BilingualBrowserTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SeededSite _site = null!;
    private ArabicSeed _arabic = null!;

    public async ValueTask InitializeAsync() => (_site, _arabic) = await ArabicSeed.StartSiteAsync(Ct);

    public ValueTask DisposeAsync() => _site.DisposeAsync();

    /// <summary>One block of a pair as the browser laid it out.</summary>
    private sealed record Block(int Pair, string Role, double Left, double Top, double Right, double Bottom, string Direction);

    private const string Measure = """
        () => JSON.stringify([...document.querySelectorAll('.pairs .pair')].flatMap((pair, index) => [...pair.children].filter(block => !block.classList.contains('report-link')).map(block => {
            const r = block.getBoundingClientRect();
            return { pair: index, role: block.classList.contains('original') ? 'original' : 'translation',
                     left: r.left, top: r.top + window.scrollY, right: r.right, bottom: r.bottom + window.scrollY,
                     direction: getComputedStyle(block).direction };
        })))
        """;

    [Fact]
    public async Task Desktop_EachTranslatedBlockSitsBesideItsOriginal_TopEdgesLevel()
    {
        await using var browser = await OpenAsync(1280, 900);
        foreach (var (name, path, direction) in Articles())
        {
            var blocks = await LoadAsync(browser, path, $"bilingual-{name}-desktop.png", 1280);
            var pairs = blocks.GroupBy(b => b.Pair).Where(g => g.Count() == 2).ToList();
            Assert.True(pairs.Count >= 5, $"{name}: only {pairs.Count} pairs");
            foreach (var pair in pairs)
            {
                var translation = pair.Single(b => b.Role == "translation");
                var original = pair.Single(b => b.Role == "original");
                Assert.True(Math.Abs(translation.Top - original.Top) <= 2,
                    $"{name}, pair {pair.Key}: translation top {translation.Top:F1}, original top {original.Top:F1}");
                Assert.True(original.Left >= translation.Right, $"{name}, pair {pair.Key}: the original is not beside its translation");
                Assert.Equal((direction, "ltr"), (original.Direction, translation.Direction));
            }
        }
        browser.AssertClean();
    }

    [Fact]
    public async Task Phone_EachOriginalFollowsItsTranslation()
    {
        await using var browser = await OpenAsync(390, 844);
        foreach (var (name, path, direction) in Articles())
        {
            var blocks = await LoadAsync(browser, path, $"bilingual-{name}-phone.png", 390);
            var pairs = blocks.GroupBy(b => b.Pair).Where(g => g.Count() == 2).ToList();
            Assert.True(pairs.Count >= 5, $"{name}: only {pairs.Count} pairs");
            foreach (var pair in pairs)
            {
                var translation = pair.Single(b => b.Role == "translation");
                var original = pair.Single(b => b.Role == "original");
                Assert.True(original.Top >= translation.Bottom - 0.5,
                    $"{name}, pair {pair.Key}: original top {original.Top:F1} is above the translation's bottom {translation.Bottom:F1}");
                Assert.True(original.Right <= 390 && translation.Right <= 390, $"{name}, pair {pair.Key}: wider than the phone");
                Assert.Equal(direction, original.Direction);
            }
        }
        browser.AssertClean();
    }

    private IEnumerable<(string Name, string Path, string OriginalDirection)> Articles() =>
    [
        ("arabic", $"/article/{_arabic.Translated}{ArabicSeed.TranslatedPathEnd}?view=bilingual", "rtl"),
        ("spanish", _site.BudgetPath + "?view=bilingual", "ltr"),
    ];

    private async Task<Block[]> LoadAsync(CheckedBrowser browser, string path, string screenshot, int width)
    {
        var response = await browser.Page.GotoAsync(new Uri(_site.Server.Address, path).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(200, response?.Status);
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the {width}px viewport");
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.ScreenshotFolder(), screenshot), FullPage = true });
        var json = await browser.Page.EvaluateAsync<string>(Measure);
        return JsonSerializer.Deserialize<Block[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static Task<CheckedBrowser> OpenAsync(int width, int height) => CheckedBrowser.OpenAsync(width, height);
}

using ForeignDesk.Web.Images;
using ForeignDesk.Web.Look;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Web.Tests.Images;

/// <summary>The images kept on disk stay within their budget, the oldest removed first.</summary>
public sealed class ImageCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fd-images-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SaveAsync_PastTheBudget_RemovesTheOldestFirst_AndStaysWithinIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var cache = new ImageCache(Options.Create(new ImageOptions { CacheMegabytes = 1, CacheFolder = _folder }), new SiteDataFolder(_folder), time);
        const long budget = 1024 * 1024;
        var rendered = ImageRenditions.Render(TestImages.Jpeg(1600, 900), out var problem);
        Assert.Null(problem);
        var renditions = rendered!.Value.Renditions;

        for (var i = 0; i < 60; i++)
        {
            // Every image a distinct body of 100 KB, so sixty of them are six times the budget.
            foreach (var rendition in renditions)
                await cache.SaveAsync($"https://outlet.example/{i}.jpg", rendition with { Body = Padded(rendition.Body, 50 * 1024, i) }, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(Directory.GetFiles(_folder).Sum(f => new FileInfo(f).Length) <= budget);
        }

        Assert.Null(cache.Find("https://outlet.example/0.jpg", 480));
        Assert.NotNull(cache.Find("https://outlet.example/59.jpg", 480));
        Assert.NotNull(cache.Find("https://outlet.example/59.jpg", 1024));
    }

    private static byte[] Padded(byte[] body, int length, int seed)
    {
        var padded = new byte[Math.Max(length, body.Length)];
        body.CopyTo(padded, 0);
        padded[^1] = (byte)seed;
        return padded;
    }
}

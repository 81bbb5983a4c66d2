using System.Text.Json;
using ForeignDesk.Cli;
using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.Cli;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace ForeignDesk.Web.Tests.Look;

/// <summary>The site's name, tagline, logo, accent colour and footer text are the operator's settings.</summary>
public sealed class SiteLookTests
{
    /// <summary>The eight-byte PNG signature and a few more bytes: the site serves the file as it is.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logo_FromTheDataFolder_IsInTheMastheadAndServed()
    {
        using var folder = new TemporaryDataFolder("foreigndesk-look-");
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "logo.png"), Png, Ct);
        await using var app = AppHost.Build(new HostSettings(folder.Path, Urls: "http://127.0.0.1:0", MinimumLogLevel: LogLevel.Warning,
            Settings: new Dictionary<string, string?> { ["ForeignDesk:Sources:DefaultFile"] = "", ["ForeignDesk:Site:Logo"] = "logo.png" }));
        await AppHost.PrepareStoreAsync(app.Services, Ct);
        await app.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var page = await HtmlPage.GetAsync(client, "/", Ct);
        var src = page.One(".brand img.logo").GetAttribute("src")!;
        Assert.Matches("^/assets/logo\\.[0-9a-f]{12}\\.png$", src);
        Assert.Equal("", page.One(".brand img.logo").GetAttribute("alt"));
        Assert.Equal("ForeignDesk", page.Text(".brand"));

        using var logo = await client.GetAsync(src, Ct);
        Assert.Equal(200, (int)logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("immutable", logo.Headers.CacheControl!.ToString());
        await app.StopAsync(Ct);
    }

    [Fact]
    public async Task Logo_IsThePublishersLogoInStructuredData()
    {
        using var folder = new TemporaryDataFolder("foreigndesk-look-");
        await using var site = await SeededSite.StartAsync(Ct, new Dictionary<string, string?> { ["Site:Logo"] = LogoFile(folder, "logo.png") });

        var page = await HtmlPage.GetAsync(site.Server.Client, site.BudgetPath, Ct);

        using var json = JsonDocument.Parse(page.One("script[type='application/ld+json']").TextContent);
        var logo = json.RootElement.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString()!;
        Assert.Equal(new Uri(site.Server.Address, page.One(".brand img.logo").GetAttribute("src")).AbsoluteUri, logo);
    }

    [Fact]
    public async Task MissingLogo_SetInTheEnvironment_StopsTheProgramWithOneLineNamingTheFile()
    {
        using var folder = new TemporaryDataFolder("foreigndesk-look-");

        var result = await CliProcess.RunWithEnvironmentAsync(folder.Path,
            new Dictionary<string, string> { ["ForeignDesk__Site__Logo"] = "missing.png" }, Ct, "serve", "--no-pipeline", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Site:Logo: there is no file {Path.Combine(folder.Path, "missing.png")}", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("logo.exe", "is not an image")]
    [InlineData("big.png", "larger than 1024 KiB")]
    public async Task UnusableLogo_IsRefusedAtStart(string file, string message)
    {
        using var folder = new TemporaryDataFolder("foreigndesk-look-");
        var path = LogoFile(folder, file);
        if (file == "big.png") await File.WriteAllBytesAsync(path, new byte[1024 * 1024 + 1], Ct);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SiteServer.StartAsync(Ct, settings: new Dictionary<string, string?> { ["Site:Logo"] = path }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task AccentColors_AreAStylesheetAfterTheSitesOwn()
    {
        await using var server = await SiteServer.StartAsync(Ct, settings: new Dictionary<string, string?>
        {
            ["Site:AccentColor"] = "#c00",
            ["Site:AccentColorDark"] = "#ff8080",
        });

        var page = await HtmlPage.GetAsync(server.Client, "/about", Ct);
        var sheets = page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Equal(2, sheets.Count);
        Assert.Matches("^/assets/theme\\.[0-9a-f]{12}\\.css$", sheets[1]);
        var css = await server.Client.GetStringAsync(sheets[1], Ct);
        Assert.Equal(":root{--accent:#c00}@media (prefers-color-scheme:dark){:root{--accent:#ff8080}}", css);
    }

    [Fact]
    public async Task NoAccentColor_NoThemeStylesheet()
    {
        await using var server = await SiteServer.StartAsync(Ct);

        var page = await HtmlPage.GetAsync(server.Client, "/about", Ct);

        Assert.Single(page.Document.QuerySelectorAll("link[rel=stylesheet]"));
    }

    [Theory]
    [InlineData("Site:AccentColor", "red;}body{display:none")]
    [InlineData("Site:AccentColor", "#12345")]
    [InlineData("Site:AccentColorDark", "blue")]
    public async Task AccentColor_ThatIsNotAHexColour_IsRefusedAtStart(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SiteServer.StartAsync(Ct, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains($"{key} must be a colour", error.Message);
    }

    [Fact]
    public async Task NameTaglineAndFooterText_AreUsedOnPagesAndInFeeds()
    {
        await using var server = await SiteServer.StartAsync(Ct, settings: new Dictionary<string, string?>
        {
            ["Site:Name"] = "Weltblick",
            ["Site:Tagline"] = "Europe's press <in English>",
            ["Site:FooterText"] = "Run by Example News <Ltd> & friends.",
        });

        var page = await HtmlPage.GetAsync(server.Client, "/about", Ct);
        Assert.Equal("Weltblick", page.Text(".brand"));
        Assert.Equal("Europe's press <in English>", page.Text(".tagline"));
        Assert.Equal("Run by Example News <Ltd> & friends.", page.Text("footer .disclaimer"));
        Assert.Contains("Run by Example News &lt;Ltd&gt; &amp; friends.", page.Html);

        using var feed = JsonDocument.Parse(await server.Client.GetStringAsync("/feed.json", Ct));
        Assert.Equal("Weltblick", feed.RootElement.GetProperty("title").GetString());
        Assert.Equal("Europe's press <in English>", feed.RootElement.GetProperty("description").GetString());
    }

    /// <summary>The absolute path of a logo in <paramref name="folder"/>; "logo.png" is written there, other names are not.</summary>
    private static string LogoFile(TemporaryDataFolder folder, string name)
    {
        var path = Path.Combine(folder.Path, name);
        if (name == "logo.png") File.WriteAllBytes(path, Png);
        return path;
    }
}

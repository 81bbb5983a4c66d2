using System.Text.Json;
using ForeignDesk.Web.Tests.EndToEnd;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TemporaryDataFolder _folder = new("foreigndesk-cli-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sources_AddListExportRemoveImport_RoundTrip()
    {
        var added = await RunAsync(null, "sources", "add", "--name", "El Diario", "--feed", "https://diario.example/rss.xml",
            "--language", "es", "--timezone", "Europe/Madrid", "--category", "News/Politics", "--no-check");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added el-diario", added.Output);

        var list = await RunAsync(null, "sources", "list");
        Assert.Contains("el-diario\tEl Diario\tes\tNews/Politics\tEurope/Madrid\tfull\thttps://diario.example/rss.xml", list.Output);

        var opml = Path.Combine(_folder.Path, "export.opml");
        Assert.Equal(0, (await RunAsync(null, "sources", "export-opml", opml)).ExitCode);
        Assert.Contains("https://diario.example/rss.xml", await File.ReadAllTextAsync(opml, Ct));

        Assert.Equal(0, (await RunAsync(null, "sources", "remove", "el-diario")).ExitCode);
        Assert.DoesNotContain("el-diario", (await RunAsync(null, "sources", "list")).Output);
        Assert.Equal(1, (await RunAsync(null, "sources", "remove", "el-diario")).ExitCode);

        Assert.Contains("imported 1 sources", (await RunAsync(null, "sources", "import-opml", opml)).Output);
        Assert.Contains("Europe/Madrid", (await RunAsync(null, "sources", "list")).Output);
    }

    [Fact]
    public async Task Sources_Add_RejectsBadInputWithAClearMessage()
    {
        var badUrl = await RunAsync(null, "sources", "add", "--feed", "not a url");
        Assert.Equal(2, badUrl.ExitCode);
        Assert.Contains("--feed must be an http(s) URL", badUrl.Error);
        var badZone = await RunAsync(null, "sources", "add", "--feed", "https://x.example/rss", "--timezone", "Mars/Olympus");
        Assert.Contains("unknown time zone", badZone.Error);
    }

    [Fact]
    public async Task Translate_PlainText_KeepsItsLines()
    {
        var result = await RunAsync("La casa es muy grande.\n\nEl perro come.\n", "translate", "--from", "es");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Equal("The house is very big.", lines[0]);
        Assert.Equal("", lines[1]);
        Assert.Equal(await RawApertium.SpanishAsync("El perro come.", Ct), lines[2]);
    }

    [Fact]
    public async Task Translate_UnsupportedLanguage_SaysSo()
    {
        var result = await RunAsync("Das Haus ist groß.", "translate", "--from", "de");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no configured engine translates de", result.Error);
    }

    [Fact]
    public async Task Engines_ListsThePivotRoutesAndSaysWhatHasNoRoute()
    {
        var result = await RunAsync(null, "engines");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("Bulgarian (bg)") && l.Contains("apertium bg→mk→en"));
        Assert.Contains(lines, l => l.Contains("Slovenian (sl)") && l.Contains("apertium sl→hbs→en"));
        const string Heading = "Missing (no route: articles in these languages are kept untranslated, shown in their original with a notice";
        Assert.Contains(Heading, result.Output);
        var missing = result.Output[result.Output.IndexOf(Heading, StringComparison.Ordinal)..];
        Assert.Contains("German (de): ", missing);
        Assert.Contains("Apertium has no deu→eng pair", missing);
    }

    [Fact]
    public async Task FeedParse_AndExtract_PrintJson()
    {
        var feed = Path.Combine(_folder.Path, "feed.xml");
        await File.WriteAllTextAsync(feed, OutletPages.Rss("Diario", new Uri("https://diario.example/"),
            [(new Uri("https://diario.example/a.html"), "Un título", "Sun, 29 Nov 2026 08:15:00 GMT")]), Ct);
        var parsed = await RunAsync(null, "feed", "parse", feed);
        Assert.Equal(0, parsed.ExitCode);
        using (var json = JsonDocument.Parse(parsed.Output))
            Assert.Equal("https://diario.example/a.html", json.RootElement.GetProperty("items")[0].GetProperty("link").GetString());

        var page = Path.Combine(_folder.Path, "page.html");
        await File.WriteAllTextAsync(page, OutletPages.Spanish(new Uri("https://diario.example/"), OutletWorld.Housing), Ct);
        var extracted = await RunAsync(null, "extract", "--file", page, "--url", "https://diario.example/" + OutletWorld.Housing.Path);
        Assert.Equal(0, extracted.ExitCode);
        using var article = JsonDocument.Parse(extracted.Output);
        Assert.Equal(OutletWorld.Housing.Title, article.RootElement.GetProperty("title").GetString());
        Assert.Equal("Ana Martín", article.RootElement.GetProperty("byline").GetString());
        Assert.Equal(OutletWorld.Housing.Paragraphs.Length, article.RootElement.GetProperty("paragraphs").GetArrayLength());
        Assert.Equal("Juan Pérez / EFE", article.RootElement.GetProperty("image").GetProperty("credit").GetString());
        Assert.Contains("\n\n", article.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task IngestOnce_ThenReprocess_StoresAndKeepsArticles()
    {
        await using var outlets = await OutletServer.StartAsync(Ct);
        OutletWorld.Publish(outlets);
        await RunAsync(null, "sources", "add", "--name", OutletPages.SpanishOutlet, "--feed", outlets.Url("es/rss.xml").AbsoluteUri,
            "--language", "es", "--timezone", "Europe/Madrid");

        var ingest = await RunAsync(null, "ingest", "--once");
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("created 3", ingest.Output);
        Assert.Contains("translated 3", ingest.Output);
        Assert.Contains("ingest: 1/1 sources in ", ingest.Error);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "foreigndesk.db")));

        var reprocess = await RunAsync(null, "reprocess");
        Assert.Equal(0, reprocess.ExitCode);
        Assert.Contains("created 0", reprocess.Output);
        Assert.Contains("unchanged 3", reprocess.Output);
        Assert.Contains("reprocess: 3/3 articles in ", reprocess.Error);
    }

    private Task<CliProcess.Result> RunAsync(string? input, params string[] args) => CliProcess.RunAsync(_folder.Path, input, Ct, args);
}

using System.Text.Json;
using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary><c>foreigndesk sources list [--json]</c> through the real program: each outlet with its policy.</summary>
public sealed class SourcesListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_ShowsEachSourcesPolicy_InTheTableAndInJson()
    {
        using var data = await StoredDataFolder.CreateAsync("foreigndesk-sources-list-", Ct);
        await data.Store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://diario.example/"), [new Uri("https://diario.example/rss.xml")], "es", "News/World", "Europe/Madrid"), Ct);
        await data.Store.AddSourceAsync(new SourceDraft("La Gaceta", new Uri("https://gaceta.example/"), [], "es,ca", "Business", "UTC", SourcePolicy.Summary), Ct);
        await data.Store.AddSourceAsync(new SourceDraft("O Xornal", new Uri("https://xornal.example/"), [], null, "News/World", "UTC", SourcePolicy.Headline), Ct);
        var gone = await data.Store.AddSourceAsync(new SourceDraft("Il Foglio", new Uri("https://foglio.example/"), [], "it", "News/World", "UTC"), Ct);
        Assert.NotNull(await data.Store.WithdrawSourceAsync(gone.Id, DateTimeOffset.UtcNow, Ct));

        var table = await RunAsync(data, "sources", "list");
        var json = await RunAsync(data, "sources", "list", "--json");

        Assert.Equal((0, 0), (table.ExitCode, json.ExitCode));
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("el-diario\tEl Diario\tes\tNews/World\tEurope/Madrid\tfull\thttps://diario.example/rss.xml", lines);
        Assert.Contains("la-gaceta\tLa Gaceta\tes,ca\tBusiness\tUTC\tsummary\t", lines);
        Assert.Contains("o-xornal\tO Xornal\tauto\tNews/World\tUTC\theadline\t", lines);
        Assert.Contains(lines, l => l.StartsWith("il-foglio\tIl Foglio\tit\tNews/World\tUTC\twithdrawn\t", StringComparison.Ordinal));

        var sources = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("slug").GetString()!);
        Assert.Equal(["el-diario", "il-foglio", "la-gaceta", "o-xornal"], sources.Keys.Order());
        Assert.Equal(["full", "withdrawn", "summary", "headline"],
            new[] { "el-diario", "il-foglio", "la-gaceta", "o-xornal" }.Select(s => sources[s].GetProperty("policy").GetString()));
        var diario = sources["el-diario"];
        Assert.Equal(("El Diario", "https://diario.example/", "es", "News/World", "Europe/Madrid"), (diario.GetProperty("name").GetString(),
            diario.GetProperty("homeUrl").GetString(), diario.GetProperty("language").GetString(), diario.GetProperty("category").GetString(),
            diario.GetProperty("timeZone").GetString()));
        Assert.Equal(["https://diario.example/rss.xml"], diario.GetProperty("feeds").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, sources["o-xornal"].GetProperty("language").ValueKind);
    }

    [Theory]
    [InlineData("Unrecognized command or argument 'everything'", "sources", "list", "everything")]
    [InlineData("Unrecognized command or argument '--jsn'", "sources", "list", "--jsn")]
    public async Task List_BadInput_ExitsTwoWithOneClearLine(string message, params string[] args)
    {
        using var data = await StoredDataFolder.CreateAsync("foreigndesk-sources-list-", Ct);
        var result = await RunAsync(data, args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("foreigndesk: " + message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    private static Task<CliProcess.Result> RunAsync(StoredDataFolder data, params string[] args) => CliProcess.RunAsync(data.Path, null, Ct, args);
}

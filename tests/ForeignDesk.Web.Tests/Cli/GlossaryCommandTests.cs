using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// <c>foreigndesk glossary add|remove</c> through the real program on a SQLite store with stored articles: each change
/// queues the durable <c>retranslate</c> jobs the admin's does, one per touched article, and says how many.
/// </summary>
public sealed class GlossaryCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAndRemove_QueueOneRetranslateJobPerArticleHoldingTheTerm_AndSayHowMany()
    {
        using var data = await StoredDataFolder.CreateAsync("foreigndesk-glossary-", Ct);
        var diario = await data.Store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        var gaceta = await data.Store.AddSourceAsync(new SourceDraft("La Gaceta", new Uri("https://gaceta.example/"), [], "es", "News/World", "UTC"), Ct);
        var first = await BareArticles.SaveAsync(data.Store, diario, "a", null, "News/World", "El Gobierno aprueba el plan.", Ct);
        var second = await BareArticles.SaveAsync(data.Store, gaceta, "b", null, "News/World", "Fuentes del Gobierno.", Ct);
        await BareArticles.SaveAsync(data.Store, diario, "c", null, "News/World", "Los gobiernos y el Gobiernoso no cuentan.", Ct);

        var added = await RunAsync(data, "glossary", "add", "es", "Gobierno", "Executive");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added: es 'Gobierno' → 'Executive'", added.Output);
        Assert.Contains("queued 2 articles to be translated again", added.Output);
        Assert.Equivalent(new[] { $"retranslate {first} queued", $"retranslate {second} queued" }, await JobsAsync(data, JobKinds.Retranslate), strict: true);

        var forOne = await RunAsync(data, "glossary", "add", "--language", "es", "--term", "Gobierno", "--rendering", "Cabinet", "--source", "la-gaceta");

        Assert.Equal(0, forOne.ExitCode);
        Assert.Contains("queued 1 article to be translated again", forOne.Output);

        var removed = await RunAsync(data, "glossary", "remove", "es", "Gobierno");

        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("removed 2 entries", removed.Output);
        Assert.Contains("queued 2 articles to be translated again", removed.Output);
        // Touched three times before any worker ran: still one job per article.
        Assert.Equivalent(new[] { $"retranslate {first} queued", $"retranslate {second} queued" }, await JobsAsync(data, JobKinds.Retranslate), strict: true);
        Assert.Empty(await JobsAsync(data, JobKinds.GlossaryScan));
    }

    [Theory]
    [InlineData(2, "unknown language code 'xx'", "glossary", "add", "xx", "Gobierno")]
    [InlineData(2, "unknown language code 'es,ca'", "glossary", "add", "--language", "es,ca", "--term", "Gobierno")]
    [InlineData(2, "glossary add needs --term", "glossary", "add", "es")]
    [InlineData(2, "glossary remove needs --language", "glossary", "remove")]
    [InlineData(2, "Glossary fields cannot hold tabs or line breaks.", "glossary", "add", "es", "Go\tbierno")]
    [InlineData(2, "Unrecognized command or argument 'Otro'", "glossary", "remove", "es", "Gobierno", "Otro")]
    [InlineData(1, "no such glossary entry", "glossary", "remove", "es", "Gobierno")]
    public async Task BadInput_EndsWithOneClearLine_NonzeroExit_NothingQueued(int exitCode, string message, params string[] args)
    {
        using var data = await StoredDataFolder.CreateAsync("foreigndesk-glossary-", Ct);
        var diario = await data.Store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        await BareArticles.SaveAsync(data.Store, diario, "a", null, "News/World", "El Gobierno aprueba el plan.", Ct);

        var result = await RunAsync(data, args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith("foreigndesk: " + message, result.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        Assert.Empty(await JobsAsync(data, JobKinds.Retranslate));
        Assert.False(File.Exists(Path.Combine(data.Path, "glossary.tsv")));
    }

    private static Task<CliProcess.Result> RunAsync(StoredDataFolder data, params string[] args) => CliProcess.RunAsync(data.Path, null, Ct, args);

    private static Task<List<string>> JobsAsync(StoredDataFolder data, string kind) => StoredDataFolder.JobsAsync(data.DatabasePath, kind, Ct);
}

using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// The real program given what it cannot use: each ends with one clear line and exit code 2 (a usage error, with the
/// command's usage) or 1 (a file that is missing or is not what the command needs), never a stack trace.
/// </summary>
public sealed class CommandLineErrorTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-cli-errors-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("Unrecognized command or argument '--bogus'", "ingest", "--once", "--bogus")]
    [InlineData("--name needs a value", "sources", "add", "--feed", "https://diario.example/rss.xml", "--name")]
    [InlineData("--from needs a value", "translate", "--from", "--no-memory")]
    [InlineData("Unrecognized command or argument 'yes'", "ingest", "--once=yes")]
    [InlineData("ingest needs --once", "ingest")]
    [InlineData("--urls: 'garbage' is not an http(s) address", "serve", "--urls", "garbage")]
    [InlineData("--name must not be empty", "sources", "add", "--name", " ", "--feed", "https://diario.example/rss.xml")]
    [InlineData("unknown language code 'xx'", "sources", "add", "--name", "Diario", "--feed", "https://diario.example/rss.xml", "--language", "xx")]
    public async Task UsageError_ExitsTwoWithOneLineAndTheCommandsHelp(string message, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("foreigndesk: " + message, lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("  foreigndesk " + args[0], StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("  bench", StringComparison.Ordinal));
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task BenchScale_AnUnknownStoreOrAnUnreachablePostgresServer_ExitsTwoWithOneLineSayingWhatItNeeds()
    {
        var unknown = await RunAsync("bench", "scale", "--store", "oracle");
        var unreachable = await RunAsync("bench", "scale", "--connection-string", $"Host=127.0.0.1;Port={PipelineProcess.FreePort()};Username=nobody");

        Assert.Equal((2, 2), (unknown.ExitCode, unreachable.ExitCode));
        Assert.StartsWith("foreigndesk: ", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("--store takes sqlite or postgres, not 'oracle'", unknown.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("foreigndesk: the PostgreSQL server at 127.0.0.1:", unreachable.Error, StringComparison.Ordinal);
        AssertNoStackTrace(unknown);
        AssertNoStackTrace(unreachable);
    }

    [Fact]
    public async Task BenchWeb_AnUnknownPageKind_ExitsTwoNamingTheKindsItTakes()
    {
        var result = await RunAsync("bench", "web", "--kinds", "cold,coldest");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kinds takes page kinds separated by commas from: hot, cold, home", result.Error.Split('\n')[0], StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task MisspeltCommand_SuggestsTheNearestOne()
    {
        var result = await RunAsync("sourcs", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Did you mean one of the following?\nsources\n", result.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ForEveryCommand_ListsItsOptions()
    {
        var root = await RunAsync("--help");
        var add = await RunAsync("sources", "add", "--help");
        var web = await RunAsync("bench", "web", "--help");

        Assert.Equal((0, 0, 0), (root.ExitCode, add.ExitCode, web.ExitCode));
        foreach (var command in new[] { "serve", "ingest", "sources", "feed", "extract", "translate", "engines", "glossary", "reprocess", "categories", "cluster", "bench" })
            Assert.Contains("\n  " + command + " ", root.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--name", "--feed", "--home", "--sitemap", "--section", "--language", "--category", "--timezone", "--no-check", "--data" })
            Assert.Contains(option + " ", add.Output, StringComparison.Ordinal);
        Assert.Contains("--articles <N>", web.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpWordAndCompletionScript_AreThere()
    {
        var help = await RunAsync("help");
        var script = await RunAsync("completion", "bash");

        Assert.Equal((0, 0), (help.ExitCode, script.ExitCode));
        Assert.Contains("Usage:\n  foreigndesk [command] [options]", help.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("complete -F _foreigndesk_complete foreigndesk", script.Output, StringComparison.Ordinal);
        Assert.Contains("[suggest:", script.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var result = await RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output);
    }

    [Fact]
    public async Task SuggestDirective_CompletesSubcommands()
    {
        var result = await CliProcess.RunWithoutDataAsync(_data, Ct, "[suggest:9]", "sources a");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("add", result.Output.Split('\n', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task ImportOpml_MissingOrNotOpml_ExitsOneWithOneLine()
    {
        var rss = Path.Combine(_data, "feed.xml");
        await File.WriteAllTextAsync(rss, "<rss version=\"2.0\"><channel><title>x</title></channel></rss>", Ct);
        var binary = Path.Combine(_data, "photo.jpg");
        await File.WriteAllBytesAsync(binary, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], Ct);

        var missing = await RunAsync("sources", "import-opml", Path.Combine(_data, "nope.opml"));
        var notOpml = await RunAsync("sources", "import-opml", rss);
        var notXml = await RunAsync("sources", "import-opml", binary);

        Assert.Equal((1, $"foreigndesk: no file {Path.Combine(_data, "nope.opml")}"), (missing.ExitCode, missing.Error.Trim()));
        Assert.Equal(1, notOpml.ExitCode);
        Assert.StartsWith($"foreigndesk: {rss} is not a valid OPML file", notOpml.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, notXml.ExitCode);
        Assert.StartsWith($"foreigndesk: {binary} is not a valid OPML file", notXml.Error.Trim(), StringComparison.Ordinal);
        foreach (var result in new[] { missing, notOpml, notXml })
        {
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            AssertNoStackTrace(result);
        }
    }

    [Fact]
    public async Task Data_IsAFile_ExitsTwoWithOneClearLine()
    {
        var file = Path.Combine(_data, "not-a-folder");
        await File.WriteAllTextAsync(file, "x", Ct);

        var result = await CliProcess.RunInAsync(_data, file, null, Ct, "sources", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"foreigndesk: --data must be a folder, and {file} is a file", result.Error, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task SourcesAdd_FeedAlreadyFollowed_IsRefused()
    {
        var first = await RunAsync("sources", "add", "--name", "El Diario", "--feed", "https://diario.example/rss.xml", "--language", "es", "--no-check");
        var again = await RunAsync("sources", "add", "--name", "Otro Diario", "--feed", "https://diario.example/rss.xml");
        var list = await RunAsync("sources", "list");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.StartsWith("foreigndesk: https://diario.example/rss.xml is already followed by source el-diario", again.Error, StringComparison.Ordinal);
        Assert.Single(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AssertNoStackTrace(CliProcess.Result result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
    }

    private Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(_data, null, Ct, args);
}

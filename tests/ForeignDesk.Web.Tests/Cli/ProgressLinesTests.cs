using ForeignDesk.Cli;
using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.EndToEnd;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>Long work writes plain progress lines on standard error when it is not a terminal (here: a pipe).</summary>
public sealed class ProgressLinesTests : IDisposable
{
    private readonly TemporaryDataFolder _folder = new("foreigndesk-progress-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ExtractDir_EndsWithTheFilesDone()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_folder.Path, "pages")).FullName;
        await File.WriteAllTextAsync(Path.Combine(pages, "a.html"), OutletPages.Spanish(new Uri("https://diario.example/"), OutletWorld.Housing), Ct);
        await File.WriteAllTextAsync(Path.Combine(pages, "b.html"), "<html><body><p>Nada.</p></body></html>", Ct);
        var output = Path.Combine(_folder.Path, "out.json");

        var result = await CliProcess.RunAsync(_folder.Path, null, Ct, "extract", "--dir", pages, "--json", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Lines(result.Error), l => l.StartsWith("extract: 2/2 files in ", StringComparison.Ordinal));
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task BenchFeeds_EndsWithTheFilesDone()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_folder.Path, "feeds")).FullName;
        await File.WriteAllTextAsync(Path.Combine(corpus, "expected.json"),
            """{"one.xml": {"expect": {"reject": true}}, "two.xml": {"expect": {"reject": true}}}""", Ct);
        await File.WriteAllTextAsync(Path.Combine(corpus, "one.xml"), "not a feed", Ct);
        await File.WriteAllTextAsync(Path.Combine(corpus, "two.xml"), "<html><body>nor this</body></html>", Ct);

        var result = await CliProcess.RunAsync(_folder.Path, null, Ct, "bench", "feeds", "--corpus", corpus);

        Assert.Contains(Lines(result.Error), l => l.StartsWith("bench feeds: 2/2 files in ", StringComparison.Ordinal));
        Assert.Contains("files 2 ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainProgress_TotalLearntLate_EndsWithDoneOfTotalAndRate()
    {
        using var writer = new StringWriter();
        var progress = new PlainProgress("reclassify", writer);

        using (var articles = progress.Start("articles"))
        {
            articles.Add(300);
            articles.SetTotal(500);
            articles.Add(200);
        }
        using (progress.Start("stories")) { }

        var lines = Lines(writer.ToString());
        Assert.Matches(@"^reclassify: 500/500 articles in \d+\.\d s \(\d+(\.\d)?/s\)$", lines[^2]);
        Assert.Matches(@"^reclassify: 0 stories in \d+\.\d s \(0/s\)$", lines[^1]);
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

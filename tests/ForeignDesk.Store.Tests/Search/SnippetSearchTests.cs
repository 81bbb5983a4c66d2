using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Store.Tests.Search;

/// <summary>Snippets made from where the index says the matches lie mark the same words FTS5's own snippet() marks.</summary>
public sealed class SnippetSearchTests : IAsyncLifetime
{
    private static readonly string[] Paragraphs =
    [
        "Día 3 of the talks: l'été — 42,5 % of the naïve café owners (東京 too) said nothing new about the coast.",
        string.Join(' ', Enumerable.Range(0, 60).Select(i => $"filler{i % 7},")) +
            " then the old Lighthouses of the north coast were sold, and the lighthouse keepers' union objected.",
        "Nothing else happened; the end.",
    ];

    private TemporaryStore _temp = null!;
    private readonly DateTimeOffset _now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private long _id;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-snippets-", new FakeTimeProvider(_now), Ct);
        var source = await _temp.Store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        var ids = await _temp.Store.BulkInsertAsync([new BulkArticle(source.Id, "https://diario.example/1", "es",
            new ExtractedArticle("Faros", null, [new Paragraph("p", "faros", "faros")], null, _now, null, "es", null, null, null, []),
            new TranslatedArticle("Coast news", "A teaser, short.", Paragraphs.Select(p => new Paragraph("p", p, p)).ToList(), null, "test", "es", 0),
            _now, "News/World")], Ct);
        _id = ids.Single();
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Theory]
    [InlineData("lighthouse")]
    [InlineData("keepers union")]
    [InlineData("\"north coast\"")]
    [InlineData("naive cafe")]
    [InlineData("42")]
    [InlineData("coast keepers \"north coast\" lightho*")]
    [InlineData("lighthouse keepers -zebra -\"old coast\"")]
    public async Task SearchAsync_Snippet_MarksTheWordsFts5SnippetMarks(string text)
    {
        var hit = Assert.Single((await _temp.Store.SearchAsync(new SearchQuery(text), Ct)).Hits);

        var marked = hit.Snippet.Where(p => p.Highlighted).Select(p => p.Text).ToList();
        Assert.NotEmpty(marked);
        Assert.Equal(await Fts5MarkedAsync(text), marked.SelectMany(m => m.Split(' ')).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_MatchDeepInTheText_ShowsItsNeighboursBetweenEllipses()
    {
        var hit = Assert.Single((await _temp.Store.SearchAsync(new SearchQuery("keepers"), Ct)).Hits);

        var text = string.Concat(hit.Snippet.Select(p => p.Text));
        Assert.StartsWith("…", text);
        Assert.Contains("the lighthouse keepers' union objected.", text);
        Assert.Equal(["keepers"], hit.Snippet.Where(p => p.Highlighted).Select(p => p.Text));
    }

    /// <summary>The distinct words FTS5's snippet() marks in the English text, over the whole text.</summary>
    private async Task<IEnumerable<string>> Fts5MarkedAsync(string text)
    {
        await using var connection = new SqliteConnection($"Data Source={_temp.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT highlight(article_search, 1, '[', ']') FROM article_search WHERE article_search MATCH $m AND rowid = $id";
        command.Parameters.AddWithValue("$m", Fts5QueryBuilder.Build(text).Match);
        command.Parameters.AddWithValue("$id", _id);
        var highlighted = (string)(await command.ExecuteScalarAsync(Ct))!;
        return System.Text.RegularExpressions.Regex.Matches(highlighted, @"\[([^\]]*)\]").SelectMany(m => m.Groups[1].Value.Split(' '))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }
}

using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Tests.Translate;

/// <summary>A fresh SQLite database (migrated by the store) with its translation memory, and a glossary file, in a temp folder.</summary>
internal sealed class TranslationWorkspace : IAsyncDisposable
{
    private readonly DirectoryInfo folder;

    private TranslationWorkspace(DirectoryInfo folder, SqliteTranslationMemory memory)
    {
        this.folder = folder;
        Memory = memory;
    }

    public SqliteTranslationMemory Memory { get; }

    public string GlossaryPath => Path.Combine(folder.FullName, "glossary.tsv");

    public GlossaryFile Glossary => new(GlossaryPath);

    public static async Task<TranslationWorkspace> CreateAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("fd-translate-");
        var database = Path.Combine(folder.FullName, "foreigndesk.db");
        await new SqliteArticleStore(database, TimeProvider.System).MigrateAsync(ct);
        return new TranslationWorkspace(folder, new SqliteTranslationMemory(database, TimeProvider.System));
    }

    public TranslationStack Stack(bool useMemory = true) =>
        new(Options.Create(new TranslationUnitOptions { GlossaryFile = GlossaryPath, UseMemory = useMemory }), Memory);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A real engine, with every segment it is asked to translate written down.</summary>
internal sealed class RecordingEngine(ITranslationEngine inner) : ITranslationEngine
{
    public List<string> Received { get; } = [];

    public int Requests { get; private set; }

    public string Name => inner.Name;

    public string? RouteFor(string from, string to) => inner.RouteFor(from, to);

    public Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        Requests++;
        Received.AddRange(request.Segments);
        return inner.TranslateAsync(request, cancellationToken);
    }
}

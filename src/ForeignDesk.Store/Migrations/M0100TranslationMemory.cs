namespace ForeignDesk.Store.Migrations;

/// <summary>The translation memory: one row per translated unit, keyed by a hash of its scope and source text.</summary>
internal static class M0100TranslationMemory
{
    public static readonly SqliteMigration Migration = new("0100-translation-memory",
        """
        CREATE TABLE translation_memory (
            key TEXT PRIMARY KEY,
            from_language TEXT NOT NULL,
            to_language TEXT NOT NULL,
            engine TEXT NOT NULL,
            glossary TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            unknown_share REAL NOT NULL,
            created_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
        """);
}

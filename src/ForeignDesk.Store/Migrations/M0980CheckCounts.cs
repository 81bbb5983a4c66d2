namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Tallies of translation checks per engine, source language and hour (<see cref="CheckTallies"/>), for <c>/status</c>;
/// the translations stored before are counted once, in the all-time rows.
/// </summary>
internal static class M0980CheckCounts
{
    public static readonly SqliteMigration Migration = new("0980-check-counts",
        $"""
        CREATE TABLE check_counts (
            engine TEXT NOT NULL,
            language TEXT NOT NULL,
            hour_ms INTEGER NOT NULL,
            translations INTEGER NOT NULL,
            failed_translations INTEGER NOT NULL,
            failed_paragraphs INTEGER NOT NULL,
            PRIMARY KEY (engine, language, hour_ms)
        ) WITHOUT ROWID;
        INSERT INTO check_counts (engine, language, hour_ms, translations, failed_translations, failed_paragraphs)
            SELECT json_extract(translation, '$.engine'), language, {CheckTallies.AllTime}, COUNT(*),
                   SUM(COALESCE(json_array_length(translation, '$.checks'), 0) > 0), SUM(COALESCE(json_array_length(translation, '$.checks'), 0))
            FROM articles WHERE translation IS NOT NULL AND json_extract(translation, '$.engine') <> 'none'
            GROUP BY 1, 2;
        """);
}

namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>Tallies of translation checks, as the SQLite store's migration 0980 keeps them.</summary>
internal static class M0008CheckCounts
{
    public static readonly PostgresMigration Migration = new("0008-check-counts",
        $"""
        CREATE TABLE check_counts (
            engine text NOT NULL,
            language text NOT NULL,
            hour_ms bigint NOT NULL,
            translations integer NOT NULL,
            failed_translations integer NOT NULL,
            failed_paragraphs integer NOT NULL,
            PRIMARY KEY (engine, language, hour_ms)
        );
        INSERT INTO check_counts (engine, language, hour_ms, translations, failed_translations, failed_paragraphs)
            SELECT translation->>'engine', language, {CheckTallies.AllTime}, COUNT(*),
                   COUNT(*) FILTER (WHERE COALESCE(jsonb_array_length(translation->'checks'), 0) > 0),
                   COALESCE(SUM(COALESCE(jsonb_array_length(translation->'checks'), 0)), 0)
            FROM articles WHERE translation IS NOT NULL AND translation->>'engine' <> 'none'
            GROUP BY 1, 2;
        """);
}

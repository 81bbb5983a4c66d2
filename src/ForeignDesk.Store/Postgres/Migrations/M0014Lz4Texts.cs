namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>
/// An article's texts and search vector are compressed with lz4 where the server has it (PostgreSQL 14 and later,
/// built with lz4): every uncached page and search decompresses them, and lz4 does that several times faster than the
/// default pglz. Rows written before keep their pglz values, which read as before; a server without lz4 keeps pglz.
/// </summary>
internal static class M0014Lz4Texts
{
    public static readonly PostgresMigration Migration = new("0014-lz4-texts",
        """
        DO $$
        BEGIN
            EXECUTE 'ALTER TABLE articles ALTER COLUMN original SET COMPRESSION lz4, '
                'ALTER COLUMN translation SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4';
        EXCEPTION WHEN feature_not_supported OR syntax_error THEN
            NULL;
        END $$;
        """);
}

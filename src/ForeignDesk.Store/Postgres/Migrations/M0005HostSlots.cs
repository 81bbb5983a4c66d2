namespace ForeignDesk.Store.Postgres.Migrations;

/// <summary>Each host's next free fetch slot, as the SQLite store's migration 0920 makes it (Unix milliseconds).</summary>
internal static class M0005HostSlots
{
    public static readonly PostgresMigration Migration = new("0005-host-slots",
        "CREATE TABLE host_slots (host text PRIMARY KEY, next_ms bigint NOT NULL);");
}

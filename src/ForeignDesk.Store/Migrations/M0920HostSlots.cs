namespace ForeignDesk.Store.Migrations;

/// <summary>
/// Each host's next free fetch slot (Unix milliseconds), so that the per-host politeness delay holds across every
/// process sharing the store. One row per host ever fetched.
/// </summary>
internal static class M0920HostSlots
{
    public static readonly SqliteMigration Migration = new("0920-host-slots",
        "CREATE TABLE host_slots (host TEXT PRIMARY KEY, next_ms INTEGER NOT NULL) WITHOUT ROWID;");
}

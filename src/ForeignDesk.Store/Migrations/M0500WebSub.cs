namespace ForeignDesk.Store.Migrations;

/// <summary>WebSub subscriptions with their secrets, states and leases, so that they survive a restart.</summary>
internal static class M0500WebSub
{
    public static readonly SqliteMigration Migration = new("0500-websub",
        """
        CREATE TABLE websub_subscriptions (
            id TEXT PRIMARY KEY,
            source_id INTEGER NOT NULL,
            feed_url TEXT NOT NULL,
            topic TEXT NOT NULL,
            hub TEXT NOT NULL,
            secret TEXT NOT NULL,
            state TEXT NOT NULL,
            requested_ms INTEGER NOT NULL,
            lease_s INTEGER NOT NULL,
            verified_ms INTEGER,
            expires_ms INTEGER,
            reason TEXT
        );
        CREATE INDEX websub_subscriptions_feed ON websub_subscriptions(source_id, feed_url);
        """);
}

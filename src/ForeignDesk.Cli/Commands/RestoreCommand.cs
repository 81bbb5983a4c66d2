using System.CommandLine;
using System.Globalization;
using ForeignDesk.Store;
using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk restore FILE [--force]</c>: makes a backup the store. The file must be a ForeignDesk store with this
/// build's migrations or older ones (older ones are migrated); the store it replaces is kept beside it; a store that a
/// process has open (the site, the pipeline) is replaced only with <c>--force</c>.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A backup (foreigndesk backup FILE) or another ForeignDesk store file" };
        var force = new Option<bool>("--force")
        {
            Description = "Replace the store even while a process has it open; that process goes on with the old file, set aside",
        };
        var command = new Command("restore", "Make FILE the store; the current store is kept beside it") { file, force };
        command.SetAction((parse, ct) => RunAsync(CommandHost.DataDirectory(parse), Path.GetFullPath(parse.GetRequiredValue(file)), parse.GetValue(force), ct));
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, string backup, bool force, CancellationToken cancellationToken)
    {
        var check = await SqliteStoreFile.CheckAsync(backup, cancellationToken);
        if (check.Problem is { } problem) throw new InputException(problem);
        var database = StoreServiceCollectionExtensions.SqliteFile(dataDirectory);
        if (string.Equals(Path.GetFullPath(database), backup, StringComparison.Ordinal)) throw new InputException($"{backup} is the store itself");
        if (!force && SqliteStoreFile.InUse(database))
            throw new InputException($"{database} is open in another process (the site or the pipeline): stop it first, or give --force");

        Directory.CreateDirectory(dataDirectory);
        var aside = SetAside(database);
        await SqliteStoreFile.CopyAsync(backup, database, cancellationToken);
        await using (var app = await CommandHost.OpenAsync(dataDirectory, cancellationToken))
        {
            // Opening migrates a store from an older build to this one's schema.
        }

        var migrated = check.Migrations < SqliteArticleStore.SchemaMigrationIds.Count
            ? $", migrated from {check.Migrations} to {SqliteArticleStore.SchemaMigrationIds.Count} migrations"
            : "";
        Console.WriteLine($"restored {check.Articles} articles from {backup}{migrated}");
        if (aside is not null) Console.WriteLine($"the store it replaced is kept as {aside}");
        return 0;
    }

    /// <summary>Moves the store and its write-ahead log and index aside, under one name; null when there is no store.</summary>
    private static string? SetAside(string database)
    {
        if (!File.Exists(database)) return null;
        var aside = $"{database}.before-restore-{TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(database + suffix)) File.Move(database + suffix, aside + suffix);
        }
        File.Move(database, aside);
        return aside;
    }
}

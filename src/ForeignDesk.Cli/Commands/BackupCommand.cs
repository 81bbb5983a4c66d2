using System.CommandLine;
using System.Diagnostics;
using ForeignDesk.Store;
using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk backup FILE</c>: a consistent copy of the store, taken while the site and the pipeline go on
/// writing (one snapshot: what was committed when the copy began).
/// </summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the copy (must not exist)" };
        var command = new Command("backup", "Copy the store into FILE, consistently, while the site and the pipeline run") { file };
        command.SetAction((parse, ct) => RunAsync(CommandHost.DataDirectory(parse), Path.GetFullPath(parse.GetRequiredValue(file)), ct));
        return command;
    }

    private static async Task<int> RunAsync(string dataDirectory, string destination, CancellationToken cancellationToken)
    {
        var database = StoreServiceCollectionExtensions.SqliteFile(dataDirectory);
        if (!File.Exists(database)) throw new InputException($"no store at {database}");
        if (File.Exists(destination)) throw new InputException($"{destination} exists already: give a new file");
        if (Path.GetDirectoryName(destination) is { } folder && !Directory.Exists(folder)) throw new InputException($"no folder {folder}");

        var watch = Stopwatch.StartNew();
        await SqliteStoreFile.CopyAsync(database, destination, cancellationToken);
        var copy = await SqliteStoreFile.CheckAsync(destination, cancellationToken);
        if (copy.Problem is { } problem) throw new InputException($"the copy is not whole: {problem}");
        Console.WriteLine($"backed up {copy.Articles} articles ({copy.Migrations} migrations, {new FileInfo(destination).Length} bytes) to {destination} in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}

using ForeignDesk.Cli;
using ForeignDesk.Cli.Commands;

var arguments = new CliArguments(args);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

try
{
    CommandOptions.Check(arguments);
    return arguments.Word(0) switch
    {
        "serve" => await ServeCommand.RunAsync(arguments, cancellation.Token),
        "worker" => await WorkerCommand.RunAsync(arguments, cancellation.Token),
        "ingest" => await IngestCommand.RunAsync(arguments, cancellation.Token),
        "jobs" => await JobsCommand.RunAsync(arguments, cancellation.Token),
        "sources" => await SourcesCommand.RunAsync(arguments, cancellation.Token),
        "feed" => await FeedCommand.RunAsync(arguments, cancellation.Token),
        "extract" => await ExtractCommand.RunAsync(arguments, cancellation.Token),
        "translate" => await TranslateCommand.RunAsync(arguments, cancellation.Token),
        "engines" => await EnginesCommand.RunAsync(arguments, cancellation.Token),
        "glossary" => await GlossaryCommand.RunAsync(arguments, cancellation.Token),
        "reprocess" => await ReprocessCommand.RunAsync(arguments, cancellation.Token),
        "bench" => await BenchComposition.RunAsync(arguments, cancellation.Token),
        "categories" => await CategoriesCommand.RunAsync(arguments, cancellation.Token),
        "cluster" => await ClusterCommand.RunAsync(arguments, cancellation.Token),
        null or "help" or "--help" => Usage.Print(Console.Out),
        var unknown => throw new UsageException($"unknown command '{unknown}'"),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"foreigndesk: {ex.Message}");
    Usage.Print(Console.Error, arguments.Word(0));
    return 2;
}
catch (InputException ex)
{
    Console.Error.WriteLine($"foreigndesk: {ex.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    return 130;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException
    or Microsoft.Data.Sqlite.SqliteException or Microsoft.Extensions.Options.OptionsValidationException)
{
    // Whatever else goes wrong outside (a disk, a port, a database, a setting) ends with one line, not a stack trace.
    Console.Error.WriteLine($"foreigndesk: {ex.Message}{FullDisk.Note(ex, arguments)}");
    return 1;
}

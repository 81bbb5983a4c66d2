using System.CommandLine;
using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk categories reclassify [--dry-run] [--source ID|SLUG] [--since DATE]</c>: files stored articles again
/// with the current section table and a freshly trained classifier; prints the moves per category and a summary line.
/// </summary>
internal static class CategoriesReclassifyCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would move; write nothing" };
        var source = new Option<string?>("--source") { Description = "Only this outlet's articles", HelpName = "ID|SLUG" };
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "Only articles published since DATE (UTC), e.g. 2025-11-03 or 2025-11-03T06:00:00Z",
            HelpName = "DATE",
            CustomParser = result => Since(result.Tokens[0].Value) is { } date ? date : Refuse(result),
        };
        var command = new Command("reclassify", "File stored articles again by the current section table and classifier") { dryRun, source, since };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(dryRun), parse.GetValue(source), parse.GetValue(since), ct));
        return command;
    }

    private static DateTimeOffset? Refuse(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--since needs a date such as 2025-11-03 (UTC) or 2025-11-03T06:00:00Z, not '{result.Tokens[0].Value}'");
        return null;
    }

    private static async Task<int> RunAsync(ParseResult parse, bool dryRun, string? sourceIdOrSlug, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
        var sourceId = await SourceAsync(app.Services.GetRequiredService<IArticleStore>(), sourceIdOrSlug, cancellationToken);

        var reclassifier = app.Services.GetRequiredService<CategoryReclassifier>();
        var report = await ProgressDisplay.RunAsync("reclassify", progress => reclassifier.RunAsync(new CategoryScan(sourceId, since), dryRun, progress, cancellationToken));

        foreach (var move in report.Moves) Console.WriteLine($"{move.From} → {move.To}\t{move.Count}");
        var verb = report.DryRun ? "would change" : "changed";
        Console.WriteLine($"reclassify scanned {report.Scanned} {verb} {report.Changed} unchanged {report.Scanned - report.Changed}{(report.DryRun ? " (dry run: nothing written)" : "")}");
        return 0;
    }

    private static DateTimeOffset? Since(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since)
            ? since
            : null;

    private static async Task<long?> SourceAsync(IArticleStore store, string? idOrSlug, CancellationToken cancellationToken)
    {
        if (idOrSlug is null) return null;
        var sources = await store.ListSourcesAsync(cancellationToken);
        var source = sources.FirstOrDefault(s => string.Equals(s.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase)
            || (long.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && s.Id == id));
        return source?.Id ?? throw new UsageException($"--source: no outlet with id or slug '{idOrSlug}' (see foreigndesk sources list)");
    }
}

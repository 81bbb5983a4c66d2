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
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var since = Since(arguments.Option("since"));
        var dryRun = arguments.Has("dry-run");
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var sourceId = await SourceAsync(app.Services.GetRequiredService<IArticleStore>(), arguments.Option("source"), cancellationToken);

        var report = await app.Services.GetRequiredService<CategoryReclassifier>().RunAsync(new CategoryScan(sourceId, since), dryRun, cancellationToken);

        foreach (var move in report.Moves) Console.WriteLine($"{move.From} → {move.To}\t{move.Count}");
        var verb = report.DryRun ? "would change" : "changed";
        Console.WriteLine($"reclassify scanned {report.Scanned} {verb} {report.Changed} unchanged {report.Scanned - report.Changed}{(report.DryRun ? " (dry run: nothing written)" : "")}");
        return 0;
    }

    private static DateTimeOffset? Since(string? text)
    {
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since))
            return since;
        throw new UsageException($"--since needs a date such as 2025-11-03 (UTC) or 2025-11-03T06:00:00Z, not '{text}'");
    }

    private static async Task<long?> SourceAsync(IArticleStore store, string? idOrSlug, CancellationToken cancellationToken)
    {
        if (idOrSlug is null) return null;
        var sources = await store.ListSourcesAsync(cancellationToken);
        var source = sources.FirstOrDefault(s => string.Equals(s.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase)
            || (long.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && s.Id == id));
        return source?.Id ?? throw new UsageException($"--source: no outlet with id or slug '{idOrSlug}' (see foreigndesk sources list)");
    }
}

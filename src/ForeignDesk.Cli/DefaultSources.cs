using ForeignDesk.Core;
using ForeignDesk.Ingest.Sources;

namespace ForeignDesk.Cli;

/// <summary>The outlets a new installation follows: sources/default.opml, imported into an empty database.</summary>
public static class DefaultSources
{
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "sources", "default.opml");

    /// <returns>How many sources were imported.</returns>
    public static async Task<int> ImportIfEmptyAsync(IArticleStore store, string? file, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(file) || !File.Exists(file)) return 0;
        if ((await store.ListSourcesAsync(cancellationToken)).Count > 0) return 0;
        return await ImportAsync(store, file, cancellationToken);
    }

    public static async Task<int> ImportAsync(IArticleStore store, string file, CancellationToken cancellationToken)
    {
        IReadOnlyList<SourceDraft> drafts;
        await using (var stream = File.OpenRead(file)) drafts = OpmlFile.Read(stream);
        var known = (await store.ListSourcesAsync(cancellationToken)).SelectMany(s => s.FeedUrls).Select(u => u.AbsoluteUri).ToHashSet();
        var added = 0;
        foreach (var draft in drafts.Where(d => !d.FeedUrls.Any(u => known.Contains(u.AbsoluteUri))))
        {
            await store.AddSourceAsync(draft, cancellationToken);
            added++;
        }
        return added;
    }
}

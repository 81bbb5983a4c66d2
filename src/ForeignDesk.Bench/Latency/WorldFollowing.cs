using System.Globalization;
using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Bench.Latency;

/// <summary>
/// The site's side of a simulated world, shared by the benches that run the real pipeline against it: the settings
/// that let it poll the world's outlets on loopback, the outlets added as sources, and the closing audit of what was
/// stored.
/// </summary>
internal static class WorldFollowing
{
    /// <summary>Articles published less than this before the end may still be on their way; they are not counted as lost.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public const string Description = "Fetch:MinDelayPerHost 100 ms, Pipeline:PollInterval 2 s, MinPollInterval 2 s, MaxPollInterval 5 s";

    /// <summary>The pipeline's settings for following the world: private addresses allowed, short poll intervals.</summary>
    /// <param name="publicUrl">The site's own public URL (WebSub subscriptions need one); null for none.</param>
    public static Dictionary<string, string?> Settings(int workers, string? publicUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Fetch:MinDelayPerHost"] = "00:00:00.100",
            ["ForeignDesk:Sources:DefaultFile"] = "",
            ["ForeignDesk:Pipeline:PollInterval"] = "00:00:02",
            ["ForeignDesk:Pipeline:MinPollInterval"] = "00:00:02",
            ["ForeignDesk:Pipeline:MaxPollInterval"] = "00:00:05",
            ["ForeignDesk:Jobs:Workers"] = workers.ToString(CultureInfo.InvariantCulture),
        };
        if (publicUrl is not null) settings["ForeignDesk:Site:PublicUrl"] = publicUrl;
        return settings;
    }

    /// <summary>Adds every outlet of the world as a Spanish source with its feed.</summary>
    public static async Task FollowAsync(IArticleStore store, SimulatedWorld world, CancellationToken cancellationToken)
    {
        for (var o = 0; o < world.Outlets; o++)
        {
            var source = new SourceDraft(SimulatedWorld.OutletName(o), world.Home(o), [world.FeedUrl(o)], "es", "News/World", "Europe/Madrid");
            await store.AddSourceAsync(source, cancellationToken);
        }
    }

    /// <summary>Starts the Spanish engine (Apertium's processes) the way a running site has it started already.</summary>
    public static async Task WarmUpTranslationAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<Ingest.Translate.EngineSelector>().Select("es") is { } choice)
            await choice.Engine.TranslateAsync(new TranslationRequest("es", "en", ["El Gobierno anunció un nuevo plan."], SegmentFormat.Text), cancellationToken);
    }

    /// <summary>Every article published more than <see cref="Grace"/> before <paramref name="end"/> must be stored exactly once.</summary>
    public static async Task<WorldAudit> AuditAsync(IArticleStore store, SimulatedWorld world, TimeSpan end, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<int, int>();
        var translated = 0;
        foreach (var id in await store.AllArticleIdsAsync(cancellationToken))
        {
            if (await store.GetArticleAsync(id, cancellationToken) is not { } article || SpanishNewsWriter.IndexOf(article.Url) is not { } index) continue;
            stored[index] = stored.GetValueOrDefault(index) + 1;
            if (article.State == ArticleState.Translated) translated++;
        }

        var lost = world.Schedule.Count(a => a.PublishedAt < end - Grace && !stored.ContainsKey(a.Index));
        return new WorldAudit(stored.Count, translated, lost, stored.Values.Count(c => c > 1));
    }
}

/// <summary>What the store holds of a world's articles: distinct articles, those translated, those missing, those stored twice.</summary>
internal sealed record WorldAudit(int Stored, int Translated, int Lost, int Duplicated);

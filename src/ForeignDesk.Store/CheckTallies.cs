using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>
/// The tallies of translation checks either store keeps in <c>check_counts</c>, one row per engine, source language and
/// hour (for the last day) and one per engine and language for all time (<see cref="AllTime"/>): each translation stored
/// adds to both, so that <c>/status</c> reads a few small rows instead of every article. Hours older than
/// <see cref="Kept"/> are dropped as new ones come.
/// </summary>
internal static class CheckTallies
{
    /// <summary>The hour value of the all-time rows.</summary>
    public const long AllTime = -1;

    public static readonly TimeSpan Kept = TimeSpan.FromHours(48);

    /// <summary>Whether a translation counts: an English article's copy ("none") is not a translation.</summary>
    public static bool Counts(TranslatedArticle translation) => translation.Engine != "none";

    /// <summary>The start of the hour that holds <paramref name="instant"/>, in Unix milliseconds.</summary>
    public static long Hour(DateTimeOffset instant)
    {
        var ms = instant.ToUnixTimeMilliseconds();
        return ms - ms % 3_600_000;
    }
}

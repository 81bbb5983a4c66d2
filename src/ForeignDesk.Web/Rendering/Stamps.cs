using System.Collections.Concurrent;
using System.Globalization;
using ForeignDesk.Core;

namespace ForeignDesk.Web.Rendering;

/// <summary>How instants, dates and languages read on the site.</summary>
internal static class Stamps
{
    /// <summary>"2026-11-29 08:15 UTC".</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Machine-readable form for the datetime attribute of &lt;time&gt;.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"2026-11-29 09:15 (Europe/Madrid)": the outlet's local time.</summary>
    public static string Local(StoredArticle article, DateTimeOffset instant) =>
        article.LocalTime(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" ({article.TimeZone})";

    /// <summary>"45 s", "12 min", "3 h 05 min", "2 d 4 h"; "—" for none.</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalMinutes: < 1 } d => $"{(int)d.TotalSeconds} s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min",
        { TotalDays: < 1 } d => $"{(int)d.TotalHours} h {d.Minutes:00} min",
        var d => $"{(int)d.Value.TotalDays} d {d.Value.Hours} h",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Language names by code, worked out once each (<see cref="CultureInfo.GetCultureInfo(string)"/> locks).</summary>
    private static readonly ConcurrentDictionary<string, string> LanguageNames = new(StringComparer.Ordinal);

    /// <summary>"Spanish" for "es"; the code itself when the name is unknown.</summary>
    public static string LanguageName(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "an unknown language";
        if (LanguageNames.TryGetValue(code, out var known)) return known;
        string name;
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            name = culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            name = code;
        }
        // Codes come from stored data: keep a bounded number of them.
        if (LanguageNames.Count < 1_000) LanguageNames.TryAdd(code, name);
        return name;
    }
}

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

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"Spanish" for "es"; the code itself when the name is unknown.</summary>
    public static string LanguageName(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "an unknown language";
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}

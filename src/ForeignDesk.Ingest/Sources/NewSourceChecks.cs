using System.Globalization;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Sources;

/// <summary>The checks on a source's settings, the same for the command line and the admin pages.</summary>
public static class NewSourceChecks
{
    /// <summary>The first code of <paramref name="languages"/> ("es", "es,ca", "auto") that no detector, engine or culture knows; null when all are known.</summary>
    public static string? UnknownLanguage(string? languages) => SourceLanguages.Parse(languages).FirstOrDefault(code => !KnownLanguage(code));

    /// <summary>A language code the detector, the engines or the platform's cultures know.</summary>
    private static bool KnownLanguage(string code)
    {
        if (Translate.Engines.LanguageNames.Codes.Contains(code)) return true;
        if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower)) return false;
        try
        {
            return !CultureInfo.GetCultureInfo(code, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The source that already follows one of <paramref name="urls"/>, with that URL; null when none does.</summary>
    public static async Task<(Source Source, Uri Url)?> FollowerAsync(
        IArticleStore store, ISourceEndpointStore endpoints, IEnumerable<Uri> urls, CancellationToken cancellationToken)
    {
        var given = urls.ToList();
        foreach (var source in await store.ListSourcesAsync(cancellationToken))
        {
            var followed = source.FeedUrls.Select(u => u.AbsoluteUri)
                .Concat((await endpoints.EndpointsAsync(source.Id, cancellationToken)).Select(e => e.Url.AbsoluteUri))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (given.FirstOrDefault(g => followed.Contains(g.AbsoluteUri)) is { } url) return (source, url);
        }
        return null;
    }
}

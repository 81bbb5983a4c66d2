namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Joins a configured base address and a provider's path, keeping any path prefix of the base.</summary>
internal static class EndpointUrl
{
    public static Uri Combine(string baseUrl, string path) =>
        new(new Uri(baseUrl.TrimEnd('/') + "/", UriKind.Absolute), path.TrimStart('/'));

    public static bool IsValid(string? baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

using System.Globalization;

namespace ForeignDesk.Web.Api;

/// <summary>The API's own addresses.</summary>
internal static class ApiPaths
{
    public const string Root = "/api/v1";

    public static string Article(long id) => $"{Root}/articles/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string Story(long id) => $"{Root}/stories/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string Source(string slug) => $"{Root}/sources/{Uri.EscapeDataString(slug)}";

    /// <summary>The same request with <c>cursor</c> set to <paramref name="cursor"/>.</summary>
    public static string WithCursor(Microsoft.AspNetCore.Http.HttpRequest request, string cursor)
    {
        var pairs = request.Query.Where(q => q.Key != "cursor").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return request.Path + Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToUriComponent();
    }
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ForeignDesk.Web.Api;

/// <summary>The OpenAPI document at <c>/openapi.json</c>: the API's endpoints only, not the site's pages.</summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ForeignDesk API",
                Version = "v1",
                Description =
                    "The world's news, machine-translated into English, read-only. Lists are paged by opaque cursors: pass a " +
                    "page's nextCursor as cursor for the next page (pages stay stable while articles arrive). Every 200 answer " +
                    "carries an ETag: send it back in If-None-Match to get 304 Not Modified. Each client address may make a " +
                    "limited number of requests per window; over it, 429 with Retry-After. Errors are problem details (RFC 9457).",
            };
            return Task.CompletedTask;
        });
    }
}

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
        options.AddDocumentTransformer((document, _, _) =>
        {
            DescribeHead(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            DescribeHeaders(operation);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// <c>HEAD</c> beside every <c>GET</c>: the site answers it as the <c>GET</c> without the body
    /// (<see cref="Rendering.HeadRequests"/>), so it takes the same parameters and gives the same statuses and headers,
    /// with no content, and the length of the body it left out.
    /// </summary>
    private static void DescribeHead(OpenApiDocument document)
    {
        foreach (var (_, path) in document.Paths)
        {
            if (path is not OpenApiPathItem { Operations: { } operations } item || !operations.TryGetValue(HttpMethod.Get, out var get) || operations.ContainsKey(HttpMethod.Head)) continue;
            var head = new OpenApiOperation
            {
                OperationId = get.OperationId is { } id ? id + "Head" : null,
                Summary = $"{get.Summary} Headers only: as GET, without the body.",
                Tags = get.Tags,
                Parameters = get.Parameters is { } parameters ? [.. parameters] : null,
                Responses = [],
            };
            foreach (var (status, response) in get.Responses ?? [])
            {
                var answer = new OpenApiResponse { Description = response.Description, Headers = response.Headers is { } headers ? new Dictionary<string, IOpenApiHeader>(headers) : null };
                if (status is "200") Header(answer, "Content-Length", "The length in bytes of the body a GET gets.");
                head.Responses[status] = answer;
            }
            item.AddOperation(HttpMethod.Head, head);
        }
    }

    /// <summary>The validators every operation takes and gives, and the wait a refused client is told.</summary>
    private static void DescribeHeaders(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of an answer already held: 304 Not Modified while it is unchanged.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        if (operation.Responses is null) return;
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse answer) continue;
            if (status is "200" or "304")
                Header(answer, "ETag", "A weak validator of the answer: send it back in If-None-Match.");
            if (status is "429" or "503")
                Header(answer, "Retry-After", "Seconds to wait before asking again.");
        }
    }

    private static void Header(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }
}

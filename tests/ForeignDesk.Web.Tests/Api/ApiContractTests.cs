using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.OpenApi;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary>
/// Every endpoint's real answers (successes and errors) checked against the site's own OpenAPI document: the status is
/// one the operation documents, the headers it documents are there, and the body validates against the schema
/// documented for it (JSON Schema 2020-12, with no property the schema does not name).
/// </summary>
public sealed partial class ApiContractTests(ApiSiteFixture site) : IClassFixture<ApiSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEndpoint_AnswersMatchTheDocument()
    {
        var document = await DocumentAsync(site.Server.Address, Ct);
        var seed = site.Seed;
        var (_, firstPage, _) = await site.GetAsync("/api/v1/articles?limit=1", Ct);
        var (_, firstHits, _) = await site.GetAsync("/api/v1/search?q=budget&limit=1", Ct);
        string[] requests =
        [
            "/api/v1/articles", "/api/v1/articles?lang=es&limit=2", firstPage.GetProperty("next").GetString()!,
            "/api/v1/articles?limit=0&lang=1", "/api/v1/articles?cursor=bad",
            $"/api/v1/articles/{seed.Budget}", $"/api/v1/articles/{seed.Basque}", $"/api/v1/articles/{seed.Script}", "/api/v1/articles/987654",
            "/api/v1/search?q=budget", "/api/v1/search?q=gobierno&lang=es&sort=newest", firstHits.GetProperty("next").GetString()!,
            "/api/v1/search?q=", "/api/v1/search?q=nothingmatchesthis",
            "/api/v1/stories", $"/api/v1/stories/{seed.Debate}", $"/api/v1/stories/{seed.Debate}?limit=1", "/api/v1/stories/987654",
            $"/api/v1/stories/{seed.Debate}?cursor=bad",
            "/api/v1/sources", "/api/v1/sources/el-diario-de-prueba", "/api/v1/sources/missing",
            "/api/v1/categories", "/api/v1/trends",
        ];
        var exercised = new HashSet<string>();
        var exercisedAsHead = new HashSet<string>();
        foreach (var path in requests)
        {
            using var response = await site.Server.Client.GetAsync(path, Ct);
            exercised.Add(Check(document, path, response, await response.Content.ReadAsStringAsync(Ct)));
            using var head = await site.Server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Ct);
            var headBody = await head.Content.ReadAsStringAsync(Ct);
            Assert.Equal((response.StatusCode, ""), (head.StatusCode, headBody));
            exercisedAsHead.Add(Check(document, path, head, headBody, "head"));
        }

        var documented = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Equal(documented.Order(), exercised.Order());
        Assert.Equal(documented.Order(), exercisedAsHead.Order());
    }

    [Fact]
    public async Task Document_IsValidOpenApi_WithHeadBesideEveryGet()
    {
        var json = await site.Server.Client.GetStringAsync("/openapi.json", Ct);
        var document = JsonNode.Parse(json)!;

        var (read, diagnostic) = OpenApiDocument.Parse(json, "json");
        Assert.Empty(diagnostic!.Errors);
        Assert.Empty(read!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)).ToList();
        var ids = operations.Select(o => o["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(document["paths"]!.AsObject(), path =>
        {
            var get = path.Value!["get"]!;
            var head = path.Value!["head"];
            Assert.True(head is not null, $"{path.Key} has no HEAD");
            Assert.Equal(Names(get["parameters"]), Names(head["parameters"]));
            Assert.Equal(Names(get["responses"]), Names(head["responses"]));
            foreach (var (status, answer) in head["responses"]!.AsObject())
            {
                Assert.Null(answer!["content"]);
                Assert.Equal(Names(get["responses"]![status]!["headers"]).Except(["Content-Length"]), Names(answer["headers"]).Except(["Content-Length"]));
            }
            Assert.NotNull(head["responses"]!["200"]!["headers"]!["Content-Length"]);
            Assert.False(string.IsNullOrEmpty(head["summary"]?.GetValue<string>()));
        });
    }

    /// <summary>The names of an object's members, or of an array's items' "name" (parameters), in order.</summary>
    private static List<string> Names(JsonNode? node) => node switch
    {
        JsonObject obj => [.. obj.Select(p => p.Key)],
        JsonArray array => [.. array.Select(p => p!["name"]!.GetValue<string>())],
        _ => [],
    };

    [Fact]
    public async Task NotModifiedAndRateLimited_AnswersMatchTheDocument()
    {
        await using var server = await ApiRateLimitTests.StartLimitedAsync(2);
        using var client = new HttpClient { BaseAddress = server.Address };
        var document = await DocumentAsync(server.Address, Ct);
        using var first = await client.GetAsync("/api/v1/categories", Ct);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/categories");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate, Ct);
        using var limited = await client.GetAsync("/api/v1/categories", Ct);

        Assert.Equal(304, (int)notModified.StatusCode);
        Check(document, "/api/v1/categories", notModified, "");
        Assert.Equal(429, (int)limited.StatusCode);
        Check(document, "/api/v1/categories", limited, await limited.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Document_DescribesOnlyTheApi_WithParametersAndSummaries()
    {
        var document = await DocumentAsync(site.Server.Address, Ct);

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>());
        Assert.All(document["paths"]!.AsObject(), p => Assert.StartsWith("/api/v1/", p.Key));
        var list = document["paths"]!["/api/v1/articles"]!["get"]!;
        Assert.Equal(["lang", "source", "category", "from", "to", "limit", "cursor", "If-None-Match"],
            list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(document["paths"]!.AsObject(), p => Assert.False(string.IsNullOrEmpty(p.Value!["get"]!["summary"]?.GetValue<string>())));
        Assert.Contains(list["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-None-Match" && p["in"]!.GetValue<string>() == "header");
        Assert.NotNull(list["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(list["responses"]!["429"]!["headers"]!["Retry-After"]);
    }

    [Fact]
    public async Task Check_AnswersThatBreakTheDocument_AreRejected()
    {
        var document = await DocumentAsync(site.Server.Address, Ct);
        var schema = document["paths"]!["/api/v1/articles"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var real = JsonNode.Parse(await site.Server.Client.GetStringAsync("/api/v1/articles", Ct))!;
        var wrongType = real.DeepClone();
        wrongType["items"]![0]!["translated"] = "yes";
        var unnamed = real.DeepClone();
        unnamed["items"]![0]!["secret"] = 1;
        var missing = real.DeepClone();
        missing["items"]![0]!.AsObject().Remove("title");

        Assert.True(IsValid(document, schema, real));
        Assert.False(IsValid(document, schema, wrongType));
        Assert.False(IsValid(document, schema, unnamed));
        Assert.False(IsValid(document, schema, missing));
    }

    private static bool IsValid(JsonNode document, JsonNode schema, JsonNode answer) =>
        Schema(document, schema).Evaluate(JsonDocument.Parse(answer.ToJsonString()).RootElement).IsValid;

    internal static async Task<JsonNode> DocumentAsync(Uri site, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = site };
        using var response = await client.GetAsync("/openapi.json", ct);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
    }

    /// <summary>Checks one answer against its operation (the path's <paramref name="method"/>); returns the operation's path template.</summary>
    private static string Check(JsonNode document, string requestPath, HttpResponseMessage response, string body, string method = "get")
    {
        var path = requestPath.Split('?')[0];
        var (template, operation) = document["paths"]!.AsObject()
            .Select(p => (p.Key, Operation: p.Value![method]))
            .Single(p => p.Operation is not null && Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^}]+}", "[^/]+") + "$"));
        var status = ((int)response.StatusCode).ToString();
        var answer = operation!["responses"]![status];
        Assert.True(answer is not null, $"{requestPath}: {status} is not documented");
        foreach (var (header, _) in answer["headers"]?.AsObject() ?? [])
            Assert.True(response.Headers.NonValidated.Contains(header) || response.Content.Headers.NonValidated.Contains(header), $"{requestPath}: {status} has no {header} header");
        if (body.Length == 0) return template;

        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        var schema = answer["content"]?[mediaType]?["schema"];
        Assert.True(schema is not null, $"{requestPath}: {status} {mediaType} has no documented schema");
        var results = Schema(document, schema).Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{requestPath} ({status}) does not match its schema:\n" + string.Join('\n',
            (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")) + "\n" + body);
        return template;
    }

    /// <summary>
    /// The response schema as a JSON Schema 2020-12 document: the components become <c>$defs</c>, and objects that name
    /// their properties admit no others (problem details excepted: they may carry extensions).
    /// </summary>
    private static JsonSchema Schema(JsonNode document, JsonNode schema)
    {
        var defs = JsonNode.Parse(document["components"]?["schemas"]?.ToJsonString() ?? "{}")!.AsObject();
        foreach (var (name, definition) in defs)
            if (definition is JsonObject { } obj && obj["properties"] is not null && !name.Contains("Problem", StringComparison.Ordinal))
                obj["additionalProperties"] = false;
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs,
            ["allOf"] = new JsonArray(JsonNode.Parse(schema.ToJsonString())),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/");
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"urn:uuid:{Guid.NewGuid()}"));
    }
}

using System.Globalization;
using System.Text.Json;
using Xunit;

namespace ForeignDesk.Web.Tests.Feeds;

/// <summary>The JSON feeds, checked field by field against JSON Feed 1.1 (jsonfeed.org/version/1.1).</summary>
public sealed class JsonFeedTests(FeedSiteFixture site) : IClassFixture<FeedSiteFixture>
{
    /// <summary>The top-level fields the specification defines, and the type of each.</summary>
    private static readonly Dictionary<string, JsonValueKind> FeedFields = new()
    {
        ["version"] = JsonValueKind.String, ["title"] = JsonValueKind.String, ["home_page_url"] = JsonValueKind.String,
        ["feed_url"] = JsonValueKind.String, ["description"] = JsonValueKind.String, ["user_comment"] = JsonValueKind.String,
        ["next_url"] = JsonValueKind.String, ["icon"] = JsonValueKind.String, ["favicon"] = JsonValueKind.String,
        ["authors"] = JsonValueKind.Array, ["language"] = JsonValueKind.String, ["expired"] = JsonValueKind.True,
        ["hubs"] = JsonValueKind.Array, ["items"] = JsonValueKind.Array,
    };

    private static readonly Dictionary<string, JsonValueKind> ItemFields = new()
    {
        ["id"] = JsonValueKind.String, ["url"] = JsonValueKind.String, ["external_url"] = JsonValueKind.String,
        ["title"] = JsonValueKind.String, ["content_html"] = JsonValueKind.String, ["content_text"] = JsonValueKind.String,
        ["summary"] = JsonValueKind.String, ["image"] = JsonValueKind.String, ["banner_image"] = JsonValueKind.String,
        ["date_published"] = JsonValueKind.String, ["date_modified"] = JsonValueKind.String, ["authors"] = JsonValueKind.Array,
        ["tags"] = JsonValueKind.Array, ["language"] = JsonValueKind.String, ["attachments"] = JsonValueKind.Array,
    };

    private static readonly string[] UrlFields = ["home_page_url", "feed_url", "next_url", "icon", "favicon", "url", "external_url", "image", "banner_image"];

    [Fact]
    public async Task SiteFeed_FollowsJsonFeed11_FieldByField()
    {
        var (json, type) = await site.GetAsync("/feed.json");
        using var document = JsonDocument.Parse(json);
        var feed = document.RootElement;

        Assert.Equal("application/feed+json", type);
        CheckObject(feed, FeedFields);
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.Equal("ForeignDesk", feed.GetProperty("title").GetString());
        Assert.Equal(site.Absolute("/"), feed.GetProperty("home_page_url").GetString());
        Assert.Equal(site.Absolute("/feed.json"), feed.GetProperty("feed_url").GetString());
        Assert.Equal("en", feed.GetProperty("language").GetString());
        Assert.Equal("ForeignDesk", feed.GetProperty("authors")[0].GetProperty("name").GetString());
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        foreach (var item in items)
        {
            CheckObject(item, ItemFields);
            // id is required and a string; an item has content_html or content_text (or both).
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            foreach (var date in new[] { "date_published", "date_modified" })
                Assert.True(DateTimeOffset.TryParseExact(item.GetProperty(date).GetString(), "yyyy-MM-dd'T'HH:mm:ssK",
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{date} is not RFC 3339");
            foreach (var author in item.GetProperty("authors").EnumerateArray())
                Assert.All(author.EnumerateObject(), p => Assert.Contains(p.Name, new[] { "name", "url", "avatar" }));
            Assert.All(item.GetProperty("tags").EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.ValueKind));
        }

        var budget = items.Single(i => i.GetProperty("title").GetString() == "Government approves the budget");
        var page = site.Absolute($"/article/{site.Seed.Budget}/government-approves-the-budget");
        Assert.Equal(page, budget.GetProperty("id").GetString());
        Assert.Equal(page, budget.GetProperty("url").GetString());
        Assert.Equal("https://diario.example/politica/presupuesto", budget.GetProperty("external_url").GetString());
        Assert.Contains("<p>The Government <strong>approved</strong> the budget yesterday.</p>", budget.GetProperty("content_html").GetString());
        Assert.Equal("The Council of Ministers gives the green light to the accounts.", budget.GetProperty("summary").GetString());
        Assert.StartsWith(site.Absolute($"/image/{site.Seed.Budget}/0/"), budget.GetProperty("image").GetString());
        Assert.Equal("2026-11-29T08:15:00Z", budget.GetProperty("date_published").GetString());
        Assert.Equal("2026-11-29T10:30:00Z", budget.GetProperty("date_modified").GetString());
        Assert.Equal("El Diario de Prueba", budget.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(site.Absolute("/source/el-diario-de-prueba"), budget.GetProperty("authors")[0].GetProperty("url").GetString());
        Assert.Equal(["News/Politics"], budget.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("en", budget.GetProperty("language").GetString());
        var provenance = budget.GetProperty("_foreigndesk");
        Assert.Equal("https://diario.example/politica/presupuesto", provenance.GetProperty("original_url").GetString());
        Assert.Equal("es", provenance.GetProperty("original_language").GetString());
        Assert.Equal("El Diario de Prueba", provenance.GetProperty("source").GetString());
        Assert.Equal("apertium", provenance.GetProperty("engine").GetString());
        Assert.Equal("es→en", provenance.GetProperty("route").GetString());
        Assert.StartsWith("https://", provenance.GetProperty("about").GetString());

        var basque = items.Single(i => i.GetProperty("title").GetString() == "Gobernuak aurrekontua onartu du");
        Assert.False(basque.TryGetProperty("content_html", out _));
        Assert.Equal("Ministroen Kontseiluak kontuak onartu ditu.", basque.GetProperty("content_text").GetString());
        Assert.Equal("eu", basque.GetProperty("language").GetString());
        Assert.False(basque.GetProperty("_foreigndesk").TryGetProperty("engine", out _));
    }

    /// <summary>
    /// Only fields the specification defines, each of its type, URLs absolute; extensions start with an underscore
    /// (the specification's rule for fields of one publisher's own).
    /// </summary>
    private static void CheckObject(JsonElement element, Dictionary<string, JsonValueKind> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith('_'))
            {
                Assert.Equal(JsonValueKind.Object, property.Value.ValueKind);
                continue;
            }
            Assert.True(fields.TryGetValue(property.Name, out var kind), $"{property.Name} is not a JSON Feed 1.1 field");
            if (kind == JsonValueKind.True) Assert.Contains(property.Value.ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            else Assert.Equal(kind, property.Value.ValueKind);
            if (UrlFields.Contains(property.Name))
                Assert.True(Uri.TryCreate(property.Value.GetString(), UriKind.Absolute, out _), $"{property.Name} is not an absolute URL");
        }
    }
}

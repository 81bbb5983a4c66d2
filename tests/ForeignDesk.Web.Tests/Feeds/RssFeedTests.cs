using System.ServiceModel.Syndication;
using System.Xml;
using Xunit;

namespace ForeignDesk.Web.Tests.Feeds;

/// <summary>The RSS 2.0 feeds, read back with System.ServiceModel.Syndication's RSS 2.0 reader.</summary>
public sealed class RssFeedTests(FeedSiteFixture site) : IClassFixture<FeedSiteFixture>
{
    private const string Fd = "urn:foreigndesk:feeds:1";

    [Fact]
    public async Task SiteFeed_ParsesAsRss20_WithEveryFieldOfATranslatedEntry()
    {
        var (xml, type) = await site.GetAsync("/feed.xml");
        var feed = Parse(xml);

        Assert.Equal("application/rss+xml", type);
        Assert.Equal("ForeignDesk", feed.Title.Text);
        Assert.Equal("The world's news, in English", feed.Description.Text);
        Assert.Equal("en", feed.Language);
        Assert.Equal(site.Absolute("/"), feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        // Newest first, as on the front page.
        Assert.Equal(["Gobernuak aurrekontua onartu du", "Government approves the budget", "Parliament debates the budget",
            "Headline <script>alert(1)</script> & more"], feed.Items.Select(i => i.Title.Text));

        var item = feed.Items.Single(i => i.Title.Text == "Government approves the budget");
        var page = site.Absolute($"/article/{site.Seed.Budget}/government-approves-the-budget");
        Assert.Equal(page, item.Links.Single().Uri.AbsoluteUri);
        Assert.Equal(page, item.Id);
        Assert.Equal("The Council of Ministers gives the green light to the accounts.", item.Summary.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 15, 0, TimeSpan.Zero), item.PublishDate);
        Assert.Equal("News/Politics", item.Categories.Single().Name);
        Assert.Equal("El Diario de Prueba", item.SourceFeed.Title.Text);
        Assert.Equal(site.Absolute("/source/el-diario-de-prueba/feed.xml"), item.SourceFeed.Links.Single().Uri.AbsoluteUri);
        var content = Extension(item, "encoded", "http://purl.org/rss/1.0/modules/content/");
        Assert.Contains("<p>The Government <strong>approved</strong> the budget yesterday.</p>", content);
        Assert.Contains("<li>Health</li><li>Education</li>", content);
        Assert.Equal("https://diario.example/politica/presupuesto", Extension(item, "originalUrl", Fd));
        Assert.Equal("es", Extension(item, "originalLanguage", Fd));
        Assert.Equal("El Diario de Prueba", Extension(item, "source", Fd));
        Assert.Equal("apertium", Extension(item, "engine", Fd));
        Assert.Equal("es→en", Extension(item, "route", Fd));
    }

    [Fact]
    public async Task Entries_OfASummaryOnlySourceOrBehindAPaywall_CarryNoText()
    {
        var feed = Parse((await site.GetAsync("/feed.xml")).Body);

        var basque = feed.Items.Single(i => i.Title.Text == "Gobernuak aurrekontua onartu du");
        Assert.Equal("Ministroen Kontseiluak kontuak onartu ditu.", basque.Summary.Text);
        Assert.Null(ExtensionOrNull(basque, "encoded", "http://purl.org/rss/1.0/modules/content/"));
        // Not translated: no engine, and the original's language.
        Assert.Null(ExtensionOrNull(basque, "engine", Fd));
        Assert.Equal("eu", Extension(basque, "originalLanguage", Fd));
        var paywalled = feed.Items.Single(i => i.Title.Text.StartsWith("Headline", StringComparison.Ordinal));
        Assert.Null(ExtensionOrNull(paywalled, "encoded", "http://purl.org/rss/1.0/modules/content/"));
        Assert.Equal("Text.", paywalled.Summary.Text);
    }

    [Fact]
    public async Task Feed_IsWellFormedXmlWithItsOwnAddress()
    {
        var (xml, _) = await site.GetAsync("/category/news-politics/feed.xml");
        var document = new XmlDocument();
        document.LoadXml(xml);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("atom", "http://www.w3.org/2005/Atom");

        Assert.Equal("2.0", document.DocumentElement!.GetAttribute("version"));
        var self = (XmlElement)document.SelectSingleNode("/rss/channel/atom:link[@rel='self']", ns)!;
        Assert.Equal(site.Absolute("/category/news-politics/feed.xml"), self.GetAttribute("href"));
        Assert.Equal("application/rss+xml", self.GetAttribute("type"));
        Assert.Equal(3, document.SelectNodes("/rss/channel/item")!.Count);
        foreach (XmlElement guid in document.SelectNodes("/rss/channel/item/guid")!) Assert.Equal("true", guid.GetAttribute("isPermaLink"));
    }

    internal static SyndicationFeed Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        var formatter = new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    internal static string Extension(SyndicationItem item, string name, string ns) =>
        ExtensionOrNull(item, name, ns) ?? throw new Xunit.Sdk.XunitException($"no {ns}:{name} in {item.Title.Text}");

    internal static string? ExtensionOrNull(SyndicationItem item, string name, string ns) =>
        item.ElementExtensions.Where(e => e.OuterName == name && e.OuterNamespace == ns)
            .Select(e => { using var reader = e.GetReader(); return reader.ReadElementContentAsString(); }).SingleOrDefault();
}

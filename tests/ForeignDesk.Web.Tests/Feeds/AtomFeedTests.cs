using System.ServiceModel.Syndication;
using System.Xml;
using Xunit;

namespace ForeignDesk.Web.Tests.Feeds;

/// <summary>The Atom 1.0 feeds, read back with System.ServiceModel.Syndication's Atom 1.0 reader.</summary>
public sealed class AtomFeedTests(FeedSiteFixture site) : IClassFixture<FeedSiteFixture>
{
    private const string Fd = "urn:foreigndesk:feeds:1";

    [Fact]
    public async Task SiteFeed_ParsesAsAtom10_WithEveryFieldOfATranslatedEntry()
    {
        var (xml, type) = await site.GetAsync("/atom.xml");
        var feed = Parse(xml);

        Assert.Equal("application/atom+xml", type);
        Assert.Equal(site.Absolute("/atom.xml"), feed.Id);
        Assert.Equal("ForeignDesk", feed.Title.Text);
        Assert.Equal(site.Absolute("/atom.xml"), feed.Links.Single(l => l.RelationshipType == "self").Uri.AbsoluteUri);
        Assert.Equal(site.Absolute("/"), feed.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal("ForeignDesk", feed.Authors.Single().Name);
        // The feed changed when its newest entry did: the budget's update at 10:30.
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 30, 0, TimeSpan.Zero), feed.LastUpdatedTime);
        Assert.Equal(4, feed.Items.Count());

        var entry = feed.Items.Single(i => i.Title.Text == "Government approves the budget");
        var page = site.Absolute($"/article/{site.Seed.Budget}/government-approves-the-budget");
        Assert.Equal(page, entry.Id);
        Assert.Equal(page, entry.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        var via = entry.Links.Single(l => l.RelationshipType == "via");
        Assert.Equal("https://diario.example/politica/presupuesto", via.Uri.AbsoluteUri);
        Assert.Equal("es", via.AttributeExtensions[new XmlQualifiedName("hreflang")]);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 15, 0, TimeSpan.Zero), entry.PublishDate);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 30, 0, TimeSpan.Zero), entry.LastUpdatedTime);
        Assert.Equal("El Diario de Prueba", entry.Authors.Single().Name);
        Assert.Equal(site.Absolute("/source/el-diario-de-prueba"), entry.Authors.Single().Uri);
        Assert.Equal("News/Politics", entry.Categories.Single().Name);
        Assert.Equal("The Council of Ministers gives the green light to the accounts.", entry.Summary.Text);
        var content = Assert.IsType<TextSyndicationContent>(entry.Content);
        Assert.Equal("html", content.Type);
        Assert.Contains("<p>The Government <strong>approved</strong> the budget yesterday.</p>", content.Text);
        Assert.Equal("es", RssFeedTests.Extension(entry, "originalLanguage", Fd));
        Assert.Equal("https://diario.example/politica/presupuesto", RssFeedTests.Extension(entry, "originalUrl", Fd));
        Assert.Equal("El Diario de Prueba", RssFeedTests.Extension(entry, "source", Fd));
        Assert.Equal("apertium", RssFeedTests.Extension(entry, "engine", Fd));
        Assert.Equal("es→en", RssFeedTests.Extension(entry, "route", Fd));
    }

    [Fact]
    public async Task UntranslatedSummaryOnlyEntry_IsInItsOwnLanguage_WithoutContent()
    {
        var (xml, _) = await site.GetAsync("/atom.xml");
        var document = new XmlDocument();
        document.LoadXml(xml);
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("a", "http://www.w3.org/2005/Atom");

        Assert.Equal("en", document.DocumentElement!.GetAttribute("xml:lang"));
        var basque = (XmlElement)document.SelectSingleNode("/a:feed/a:entry[a:title='Gobernuak aurrekontua onartu du']", ns)!;
        Assert.Equal("eu", basque.GetAttribute("xml:lang"));
        Assert.Null(basque.SelectSingleNode("a:content", ns));
        Assert.Equal("Ministroen Kontseiluak kontuak onartu ditu.", basque.SelectSingleNode("a:summary", ns)!.InnerText);
        // Every entry has what RFC 4287 requires: id, title, updated, and an author (its own).
        foreach (XmlElement entry in document.SelectNodes("/a:feed/a:entry", ns)!)
            foreach (var required in new[] { "a:id", "a:title", "a:updated", "a:author/a:name", "a:link[@rel='alternate']" })
                Assert.NotNull(entry.SelectSingleNode(required, ns));
    }

    [Fact]
    public async Task FeedOfAnEmptyCategory_IsValidAndAsOfNow()
    {
        var feed = Parse((await site.GetAsync("/category/science/atom.xml")).Body);

        Assert.Empty(feed.Items);
        Assert.Equal("Science · ForeignDesk", feed.Title.Text);
        Assert.Equal(Pages.SiteServer.Now, feed.LastUpdatedTime);
    }

    internal static SyndicationFeed Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }
}

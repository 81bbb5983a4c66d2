using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Sources;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Sources;

public sealed class OpmlFileTests
{
    [Fact]
    public void Write_ThenRead_GivesTheSameSources()
    {
        Source[] sources =
        [
            new(1, "le-monde", "Le Monde", new Uri("https://www.lemonde.fr/"), [new Uri("https://www.lemonde.fr/rss/une.xml"), new Uri("https://www.lemonde.fr/international/rss_full.xml")], "fr", "World", "Europe/Paris"),
            new(2, "nhk", "NHK & Friends", new Uri("https://www3.nhk.or.jp/news/"), [new Uri("https://www3.nhk.or.jp/rss/news/cat0.xml")], null, "Asia", "Asia/Tokyo"),
        ];
        using var stream = new MemoryStream();

        OpmlFile.Write(sources, stream);
        stream.Position = 0;
        var drafts = OpmlFile.Read(stream);

        Assert.Equal(2, drafts.Count);
        for (var i = 0; i < sources.Length; i++)
        {
            Assert.Equal(sources[i].Name, drafts[i].Name);
            Assert.Equal(sources[i].HomeUrl, drafts[i].HomeUrl);
            Assert.Equal(sources[i].FeedUrls, drafts[i].FeedUrls);
            Assert.Equal(sources[i].Language, drafts[i].Language);
            Assert.Equal(sources[i].Category, drafts[i].Category);
            Assert.Equal(sources[i].TimeZone, drafts[i].TimeZone);
        }
    }

    [Fact]
    public void Read_FoldersAndPlainReaderExport_UsesFolderAsCategory()
    {
        const string opml = """
            <?xml version="1.0"?>
            <opml version="1.0"><head><title>export</title></head><body>
              <outline text="Sport">
                <outline text="Marca" type="rss" xmlUrl="https://e00-marca.uecdn.es/rss/portada.xml" htmlUrl="https://www.marca.com/" language="es"/>
                <outline title="Kicker" xmlUrl="https://newsfeed.kicker.de/news/aktuell" category="/Sport/Fussball"/>
              </outline>
            </body></opml>
            """;

        var drafts = OpmlFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

        Assert.Equal(2, drafts.Count);
        Assert.Equal(("Marca", "Sport", "es", "UTC"), (drafts[0].Name, drafts[0].Category, drafts[0].Language, drafts[0].TimeZone));
        Assert.Equal(("Kicker", "Fussball"), (drafts[1].Name, drafts[1].Category));
        Assert.Equal(new Uri("https://newsfeed.kicker.de/"), drafts[1].HomeUrl);
    }

    [Fact]
    public void Read_SeveralLanguagesOrAuto_GivesTheCommaListOrNone()
    {
        const string opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>export</title></head><body>
              <outline text="VilaWeb" xmlUrl="https://www.vilaweb.cat/feed/" language="CA, es"/>
              <outline text="Swissinfo" xmlUrl="https://www.swissinfo.ch/feed/" language="auto"/>
            </body></opml>
            """;

        var drafts = OpmlFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

        Assert.Equal("ca,es", drafts[0].Language);
        Assert.Null(drafts[1].Language);
        var written = new MemoryStream();
        OpmlFile.Write([new Source(1, "vilaweb", "VilaWeb", drafts[0].HomeUrl, drafts[0].FeedUrls, drafts[0].Language, "World", "UTC")], written);
        Assert.Contains("language=\"ca,es\"", Encoding.UTF8.GetString(written.ToArray()));
    }

    [Fact]
    public void Read_NotOpml_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => OpmlFile.Read(new MemoryStream(Encoding.UTF8.GetBytes("<html><p>no</p></html>"))));
}

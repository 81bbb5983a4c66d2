using System.Text;
using ForeignDesk.Store.Migrations;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Store.Tests.Search;

/// <summary>
/// The body text made from an article's JSON for snippets is the text the index's content view makes in SQL, character
/// for character, so that the token positions the index gives fall on the same words.
/// </summary>
public sealed class IndexedTextTests
{
    public static TheoryData<string> Articles => new()
    {
        """{"title":"T","teaser":"A teaser.","paragraphs":[{"text":"One."},{"text":"Two, with é."}]}""",
        """{"title":"T","paragraphs":[{"text":"No teaser."}]}""",
        """{"title":"T","teaser":null,"paragraphs":[{"text":"A null teaser."}]}""",
        """{"title":"T","teaser":"Only a teaser.","paragraphs":[]}""",
        """{"title":"T","teaser":"","paragraphs":[{"text":""},{"text":"After two empty ones."}]}""",
        """{"title":"T","paragraphs":[{"kind":"h2","html":"<b>A</b> &amp; B","text":"A & B"},{"kind":"li"},{"text":"Kept."}]}""",
        """{"title":"T","teaser":"Escapes: \"quoted\", a\nbreak, \u00e9, \ud83d\ude00 and \\ back","paragraphs":[{"text":"Tab\there"}]}""",
        """{"title":"T","teaser":"Marks \uE000kept\uE001 out","paragraphs":[{"text":"\uE000Also\uE001 here"}]}""",
        """{"title":"Москва","teaser":"Новости дня.","paragraphs":[{"text":"東京の港。"},{"text":"Ελληνικά κείμενα."}]}""",
        """{"images":[{"url":"https://x.example/a.jpg","text":"not body"}],"meta":{"teaser":"not this","paragraphs":[{"text":"nor this"}]},"title":"T","teaser":"This.","paragraphs":[{"text":"And this."}]}""",
        """{"title":"T","teaser":"Numbers","paragraphs":[{"text":12},{"text":true},{"text":"words"}]}""",
        """{"title":"T"}""",
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void Body_IsTheTextTheContentViewIndexes(string json)
    {
        var (english, original) = ViewText(json);

        Assert.Equal(english, IndexedText.Body(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(original, IndexedText.Body(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Body_OfNoJson_IsEmpty_AsTheViewGivesForAnArticleNotTranslated()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO articles (id, original) VALUES (1, '{{}}'); SELECT {M0300Search.Fields("a")} FROM articles a";

        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("", reader.GetString(1));
        Assert.Equal("", IndexedText.Body([]));
    }

    [Fact]
    public void Body_OfJsonThatIsNoObject_IsEmpty()
    {
        Assert.Equal("", IndexedText.Body("[1,2]"u8));
        Assert.Equal("", IndexedText.Body("\"text\""u8));
    }

    /// <summary>The view's English and original body text for an article whose translation and original are both <paramref name="json"/>.</summary>
    private static (string English, string Original) ViewText(string json)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO articles (id, translation, original) VALUES (1, $json, $json); SELECT {M0300Search.Fields("a")} FROM articles a";
        command.Parameters.AddWithValue("$json", json);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(1), reader.GetString(3));
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE articles (id INTEGER PRIMARY KEY, translation TEXT, original TEXT)";
        create.ExecuteNonQuery();
        return connection;
    }
}

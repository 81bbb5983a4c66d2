using System.Text;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace ForeignDesk.Web.Tests.Rendering;

public sealed class EntityTagsTests
{
    [Fact]
    public void Of_IsWeak_TheSameForTheSameBody_AndAnotherForAnyChange()
    {
        var page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>El Gobierno anunció un nuevo plan.</p>\n", 500)));
        var changed = (byte[])page.Clone();
        changed[page.Length / 2] ^= 1;

        var tag = EntityTags.Of(page);

        Assert.True(tag.IsWeak);
        Assert.Matches("^\"[A-Za-z0-9_-]{16}\"$", tag.Tag.ToString());
        Assert.Equal(tag, EntityTags.Of((byte[])page.Clone()));
        Assert.NotEqual(tag, EntityTags.Of(changed));
        Assert.NotEqual(tag, EntityTags.Of(page.AsSpan(0, page.Length - 1)));
        Assert.NotEqual(EntityTags.Of([]), EntityTags.Of([0]));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void IsNotModified_OnlyForTheTagTheClientHolds(bool sameBody, bool expectChanged)
    {
        var held = EntityTags.Of("<html>one</html>"u8);
        var now = sameBody ? EntityTags.Of("<html>one</html>"u8) : EntityTags.Of("<html>two</html>"u8);
        var context = new DefaultHttpContext();
        context.Request.Headers.IfNoneMatch = held.ToString();

        Assert.Equal(!expectChanged, EntityTags.IsNotModified(context.Request, now));
        context.Request.Headers.IfNoneMatch = EntityTagHeaderValue.Any.ToString();
        Assert.True(EntityTags.IsNotModified(context.Request, now));
    }
}

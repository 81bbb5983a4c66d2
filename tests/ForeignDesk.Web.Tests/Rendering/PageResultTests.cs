using System.Text;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ForeignDesk.Web.Tests.Rendering;

public sealed class PageResultTests
{
    private static async Task<string> AnswerAsync(PageResult result)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    private static PageResult Page(string text)
    {
        var page = HtmlBuilder.ForPage();
        page.Buffer.Append(text);
        return new PageResult(page.Buffer, StatusCodes.Status200OK, DateTimeOffset.UnixEpoch);
    }

    /// <summary>Builders go back to the pool once a page is encoded: the next pages built in them are whole and their own.</summary>
    [Fact]
    public async Task PagesBuiltOneAfterTheOther_AreEachAnsweredWholeAndAlone()
    {
        var long1 = "<p>" + string.Concat(Enumerable.Repeat("première page, ", 3000)) + "</p>";
        var first = await AnswerAsync(Page(long1));
        var second = await AnswerAsync(Page("<p>short</p>"));
        var third = await AnswerAsync(Page("<p>東京</p>"));

        Assert.Equal(long1, first);
        Assert.Equal("<p>short</p>", second);
        Assert.Equal("<p>東京</p>", third);
    }

    [Fact]
    public async Task ARenderedPage_IsAnsweredOnce_ASecondAnswerIsRefused()
    {
        var result = Page("<p>once</p>");

        Assert.Equal("<p>once</p>", await AnswerAsync(result));
        await Assert.ThrowsAsync<InvalidOperationException>(() => AnswerAsync(result));
    }
}

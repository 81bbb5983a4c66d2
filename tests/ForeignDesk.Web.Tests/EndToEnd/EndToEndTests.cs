using System.Net;
using System.Text.RegularExpressions;
using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Web.Tests.EndToEnd;

public sealed class EndToEndTests(PipelineWorld world) : IClassFixture<PipelineWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void FirstPass_StoresEveryReadableArticleAndReportsTheRest()
    {
        Assert.Equal(6, world.FirstPass.Created);
        Assert.Equal(3, world.FirstPass.Failed);
        Assert.Equal(2, world.FirstPass.FeedsFailed);
        Assert.Equal(6, world.FirstPass.Translated);
    }

    [Fact]
    public async Task ArticlePage_ShowsApertiumsEnglishTitleAndBody()
    {
        var html = await ArticlePageAsync(OutletWorld.Housing);
        var text = Text(html);

        Assert.Contains(await RawApertium.SpanishAsync(OutletWorld.Housing.Title, Ct), text);
        Assert.Contains(await RawApertium.SpanishAsync(OutletWorld.Housing.Teaser, Ct), text);
        Assert.Contains(await RawApertium.SpanishAsync(OutletWorld.Housing.Paragraphs[0], Ct), text);
        Assert.Contains(await RawApertium.SpanishAsync(OutletWorld.Housing.Paragraphs[3], Ct), text);
    }

    [Fact]
    public async Task ArticlePage_KeepsTheSourceParagraphsAndTheInlineLinkInsideItsSentence()
    {
        var html = await ArticlePageAsync(OutletWorld.Housing);
        var translated = await world.ArticleAsync(OutletWorld.Housing, Ct);

        Assert.Equal(OutletWorld.Housing.Paragraphs.Length, translated.Original.Paragraphs.Count);
        Assert.Equal(OutletWorld.Housing.Paragraphs.Length, translated.Translation!.Paragraphs.Count);
        // Each translated paragraph is its own <p>, in the source's order.
        var decoded = WebUtility.HtmlDecode(html);
        var positions = new List<int>();
        foreach (var paragraph in OutletWorld.Housing.Paragraphs.Where(p => !p.Contains('<')))
        {
            var english = await RawApertium.SpanishAsync(paragraph, Ct);
            var own = Regex.Match(decoded, @"<p[^>]*>\s*" + Regex.Escape(english) + @"\s*</p>");
            Assert.True(own.Success, $"not a paragraph of its own: {english}");
            positions.Add(own.Index);
        }
        Assert.Equal(positions.Order(), positions);

        var link = Regex.Match(html, @"<p[^>]*>([^<]+)<a [^>]*href=""https://www\.diario-nacional\.example/vivienda""[^>]*>([^<]+)</a>([^<]+)</p>");
        Assert.True(link.Success, "the link is not inside one paragraph with words on both sides");
        Assert.Contains("nofollow", link.Value);
        Assert.Contains("noopener", link.Value);
        Assert.Contains("three thousand million", link.Groups[3].Value + link.Groups[2].Value + link.Groups[1].Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ArticlePage_HasNoBoilerplate()
    {
        var text = Text(await ArticlePageAsync(OutletWorld.Housing));
        foreach (var junk in new[]
        {
            "Publicidad", "Advertising", "Más noticias", "More news", "Así fue", "Vídeo", "Video:", "es una oferta de",
            "Suscríbase", "Compartir", "Twitter", "gasolina", "petrol", "Todos los derechos", "Aviso legal", "seguro de coche",
        })
            Assert.DoesNotContain(junk, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ArticlePage_ShowsBylineBothTimesCaptionCreditSourceAndArchive()
    {
        var html = await ArticlePageAsync(OutletWorld.Housing);
        var text = Text(html);
        var stored = await world.ArticleAsync(OutletWorld.Housing, Ct);

        Assert.Contains("By: Ana Martín", text);
        Assert.Contains("2026-11-29 08:15 UTC", text);
        Assert.Contains("Created: 2026-11-29 09:15", text);
        Assert.Contains(await RawApertium.SpanishAsync(OutletWorld.Housing.Caption, Ct), text);
        Assert.Contains("Juan Pérez / EFE", text);
        Assert.DoesNotContain("Foto: Juan", text);
        Assert.Matches($@"<a [^>]*href=""{Regex.Escape(stored.Url)}""[^>]*>[^<]*{Regex.Escape(OutletPages.SpanishOutlet)}", html);
        Assert.Contains("href=\"/date/2026-11-29\"", html);
        Assert.Contains("All news articles on", text);
        Assert.Contains("apertium", text);
        Assert.Contains(OutletWorld.Housing.Paragraphs[0], text);
    }

    [Fact]
    public async Task ArticlePage_ShowsTheBreadcrumbSectionsCategoryAndTheSecondFigureInPlace()
    {
        var stored = await world.ArticleAsync(OutletWorld.Housing, Ct);
        var figure = OutletWorld.Housing.SecondFigure!;
        // The page names its section only in its breadcrumb; its URL path (/politica/) would say politics.
        Assert.Equal("Vivienda", stored.Original.Section);
        Assert.Equal("Business", stored.Category);
        var image = Assert.Single(stored.Original.Images);
        Assert.Equal(new Uri(new Uri(stored.Url), figure.ImagePath).AbsoluteUri, image.Url);
        Assert.Equal(figure.Credit, image.Credit);

        var html = await ArticlePageAsync(OutletWorld.Housing);
        Assert.Contains("<a href=\"/category/business\">Business</a>", html, StringComparison.OrdinalIgnoreCase);
        var figures = Regex.Matches(html, "<figure>.*?</figure>", RegexOptions.Singleline);
        Assert.Equal(2, figures.Count);
        var second = WebUtility.HtmlDecode(figures[1].Value);
        // The site's own copy of the outlet's image (see Private images), never the outlet's address.
        Assert.Matches($"src=\"/image/{stored.Id}/1/[0-9a-f]{{16}}/800\" srcset=\"/image/{stored.Id}/1/[0-9a-f]{{16}}/480 480w, ", second);
        Assert.DoesNotContain(image.Url, second);
        Assert.Contains(await RawApertium.SpanishAsync(figure.Caption, Ct), second);
        Assert.Contains($"Photo: {figure.Credit}", second);
        Assert.DoesNotContain(figure.Caption, second);
        Assert.DoesNotContain("pixel.gif", html);
        var decoded = WebUtility.HtmlDecode(html);
        var before = decoded.IndexOf(await RawApertium.SpanishAsync(OutletWorld.Housing.Paragraphs[figure.After - 1], Ct), StringComparison.Ordinal);
        var after = decoded.IndexOf(await RawApertium.SpanishAsync(OutletWorld.Housing.Paragraphs[figure.After], Ct), StringComparison.Ordinal);
        var at = decoded.IndexOf(second, StringComparison.Ordinal);
        Assert.True(before >= 0 && before < at && at < after, $"the figure is not between paragraphs {figure.After} and {figure.After + 1}");
    }

    [Fact]
    public async Task ArticlePage_YouMayLikeListsTheRelatedArticleNotItself()
    {
        var html = await ArticlePageAsync(OutletWorld.Housing);
        var related = await world.ArticleAsync(OutletWorld.Prices, Ct);
        var self = await world.ArticleAsync(OutletWorld.Housing, Ct);

        var section = Section(html, "You may like");
        Assert.Contains($"/article/{related.Id}", section);
        Assert.DoesNotContain($"/article/{self.Id}/", section.Replace($"/article/{self.Id}\"", ""));
    }

    [Fact]
    public async Task Home_TrendsListTheViewedArticleWithCategoryAndUtcTime()
    {
        var football = await world.ArticleAsync(OutletWorld.Football, Ct);
        for (var i = 0; i < 5; i++) await ArticlePageAsync(OutletWorld.Football);

        var home = await world.Browser.GetStringAsync("/", Ct);
        var trends = Section(home, "Trends 24h");
        Assert.Contains($"/article/{football.Id}", trends);
        Assert.Contains(WebUtility.HtmlEncode(football.Category), trends);
        Assert.Contains("2026-11-29 06:30 UTC", Text(trends));
        Assert.Contains("Latest", Text(home));
    }

    [Fact]
    public async Task FrenchArticle_IsTranslatedThroughSpanish()
    {
        var stored = await world.ArticleAsync(OutletWorld.Budget, Ct);
        Assert.Equal("fr", stored.Language);
        Assert.Equal(ArticleState.Translated, stored.State);
        Assert.Equal("fr→es→en", stored.Translation!.Route);
        var text = Text(await ArticlePageAsync(OutletWorld.Budget));
        Assert.Contains(await RawApertium.FrenchAsync(OutletWorld.Budget.Title, Ct), text);
    }

    public static TheoryData<string, string> LinedArticles => new()
    {
        { OutletWorld.Harbour.Path, "Claire Dubois" },
        { OutletWorld.Market.Path, "Miguel Ángel Sanz" },
    };

    [Theory]
    [MemberData(nameof(LinedArticles))]
    public async Task BylineLine_IsTheBylineNeverTheFirstParagraphOrTheHomeTeaser(string path, string author)
    {
        var article = OutletWorld.Lined.Single(a => a.Path == path);
        var stored = await world.ArticleAsync(article, Ct);
        var first = article.Lang == "fr"
            ? await RawApertium.FrenchAsync(article.Paragraphs[0], Ct)
            : await RawApertium.SpanishAsync(article.Paragraphs[0], Ct);

        Assert.Equal(author, stored.Original.Byline);
        Assert.Equal(article.Paragraphs, stored.Original.Paragraphs.Select(p => p.Text));
        var html = WebUtility.HtmlDecode(await ArticlePageAsync(stored));
        Assert.Contains($"<p>By: {author}</p>", html);
        var body = Regex.Match(html, @"<div class=""body""[^>]*>\s*<p[^>]*>(.*?)</p>", RegexOptions.Singleline);
        Assert.True(body.Success, "the article page has no body paragraph");
        Assert.Equal(first, body.Groups[1].Value.Trim());
        Assert.DoesNotContain("class=\"teaser\"", html);

        var home = WebUtility.HtmlDecode(await world.Browser.GetStringAsync("/", Ct));
        var item = Regex.Match(home, $@"<li><a class=""title"" href=""/article/{stored.Id}[/""].*?</li>", RegexOptions.Singleline);
        Assert.True(item.Success, "the article is not listed on the home page");
        Assert.Contains(first, item.Value);
        Assert.DoesNotContain(author, item.Value);
        Assert.DoesNotContain(article.Line, Text(home));
    }

    [Fact]
    public async Task CreditInParentheses_KeepsItsClosingParenthesis()
    {
        var stored = await world.ArticleAsync(OutletWorld.Market, Ct);

        Assert.Equal("Ana López (Europa Press)", stored.Original.Image!.Credit);
        Assert.Contains("Photo: Ana López (Europa Press)", Text(await ArticlePageAsync(stored)));
    }

    [Fact]
    public async Task StatusPage_ExplainsEachBadInput()
    {
        var status = Text(await world.Browser.GetStringAsync("/status", Ct));
        Assert.Contains("es/no-existe.html", status);
        Assert.Contains("404", status);
        Assert.Contains("es/foto.png", status);
        Assert.Contains("es/sin-cuerpo.html", status);
        Assert.Contains("rota/feed.xml", status);
        Assert.Contains("127.0.0.1:1/feed.xml", status);
        Assert.Contains("Diario Roto", status);
    }

    private async Task<string> ArticlePageAsync(OutletArticle article) => await ArticlePageAsync(await world.ArticleAsync(article, Ct));

    /// <summary>The article's page as a second reader sees it: the first showing asked for its images' checks.</summary>
    private async Task<string> ArticlePageAsync(StoredArticle stored)
    {
        (await world.Browser.GetAsync($"/article/{stored.Id}", Ct)).Dispose();
        using var response = await world.Browser.GetAsync($"/article/{stored.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The part of a page from a heading to the next heading of any level.</summary>
    private static string Section(string html, string heading)
    {
        var start = html.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}' on the page");
        var next = Regex.Match(html[(start + heading.Length)..], @"<h[1-6]");
        return next.Success ? html.Substring(start, heading.Length + next.Index) : html[start..];
    }

    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ");
}

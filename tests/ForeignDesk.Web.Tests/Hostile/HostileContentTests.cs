using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.EndToEnd;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Hostile;

/// <summary>
/// XSS filter-evasion vectors from a hostile outlet (every field of its feed and pages) and from a hostile
/// LibreTranslate engine go through one real pass (SQLite, Apertium); every page of the site is then loaded in headless
/// Chromium with its Content-Security-Policy bypassed and traps on every way out: nothing fires, nothing leaves the
/// site, and the served HTML holds no script, event handler, script URL, frame, object, base, refresh or foreign form.
/// </summary>
public sealed class HostileContentTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How many pages of each kind the crawl loads: every article, a few of each archive.</summary>
    private static readonly Dictionary<string, int> PagesPerKind = new(StringComparer.Ordinal)
    {
        ["/article/"] = 100, ["/story/"] = 6, ["/source/"] = 4, ["/date/"] = 3, ["/category/"] = 4,
    };

    private static readonly string[] ForbiddenTags = ["<script", "<iframe", "<frame", "<object", "<embed", "<base", "<applet", "<math", "<svg", "<style", "<link rel=\"stylesheet\" href=\"http", "<meta http-equiv"];
    private static readonly string[] ForbiddenElements = ["script", "iframe", "frame", "frameset", "object", "embed", "base", "applet", "style", "noscript", "template", "svg", "math", "input", "button", "textarea", "select"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "data", "cite", "longdesc"];

    [Fact]
    public async Task Site_HostileOutletAndEngine_NothingRunsOrLeavesTheSite()
    {
        if (!File.Exists(ChromiumPath)) Assert.Skip($"Chromium is not installed at {ChromiumPath}");
        var ct = TestContext.Current.CancellationToken;
        await using var outlet = await OutletServer.StartAsync(ct);
        HostileOutlet.Publish(outlet);
        var imageHosts = XssVectors.NamedHosts().Append(outlet.BaseUrl.Authority).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await using var engine = await HostileEngine.StartAsync(ct);
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>
        {
            ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true",
            ["ForeignDesk:Translate:Engines:hostile:Type"] = "LibreTranslate",
            ["ForeignDesk:Translate:Engines:hostile:BaseUrl"] = engine.BaseUrl,
            ["ForeignDesk:Translate:Engines:hostile:MaxAttempts"] = "1",
            ["ForeignDesk:Translate:Routing:de:0"] = "hostile",
            ["ForeignDesk:Translate:Routing:es:0"] = "apertium",
        }, ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        await store.AddSourceAsync(new SourceDraft(HostileOutlet.Name, outlet.Url("es/"), [outlet.Url("es/rss.xml")], "es", "News/Politics", "Europe/Madrid"), ct);
        await store.AddSourceAsync(new SourceDraft(HostileOutlet.GermanName, outlet.Url("de/"), [outlet.Url("de/rss.xml")], "de", "News/World", "Europe/Berlin"), ct);
        await site.Services.GetRequiredService<IngestPass>().RunAsync(ct);
        Assert.True(engine.Requests > 0, "the hostile engine translated nothing");
        using var client = await site.StartAsync(ct);
        var origin = client.BaseAddress!.GetLeftPart(UriPartial.Authority);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var context = await browser.NewContextAsync(new() { BypassCSP = true, JavaScriptEnabled = true });
        await context.AddInitScriptAsync(BrowserTraps.Install);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var current = "";
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(origin + "/", StringComparison.Ordinal)) return;
            if (request.ResourceType == "image" && IsNamedImage(request.Url, imageHosts)) return;
            lock (problems) problems.Add($"{current}: request to {request.Url} ({request.ResourceType})");
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame.Url.StartsWith(origin + "/", StringComparison.Ordinal) || frame.Url == "about:blank") return;
            lock (problems) problems.Add($"{current}: a frame navigated to {frame.Url}");
        };
        page.Dialog += async (_, dialog) =>
        {
            lock (problems) problems.Add($"{current}: dialog {dialog.Message}");
            await dialog.DismissAsync();
        };

        var queue = new Queue<string>(["/", "/status", "/search?q=alert", "/search?q=script", "/search?q=gobierno", "/search?q=onerror"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var articles = 0;
        var parser = new HtmlParser();
        var loaded = new List<string>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var path))
        {
            ct.ThrowIfCancellationRequested();
            current = path;
            loaded.Add(path);
            var response = await page.GotoAsync(origin + path, new() { WaitUntil = WaitUntilState.Load });
            Assert.True(response is { Status: 200 or 404 }, $"{path} answered {response?.Status}");
            if (path.StartsWith("/article/", StringComparison.Ordinal)) articles++;
            await page.WaitForTimeoutAsync(50);
            foreach (var fired in await page.EvaluateAsync<string[]>(BrowserTraps.Read))
                problems.Add($"{path}: {fired}");

            var html = await response!.TextAsync();
            var document = await parser.ParseDocumentAsync(html, ct);
            problems.AddRange(Check(path, html, document));
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal)) continue;
                if (Kind(link) is not { } kind || !seen.Add(link)) continue;
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (kinds[kind] > PagesPerKind[kind]) continue;
                queue.Enqueue(link);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(60)));
        Assert.True(articles >= HostileOutlet.SpanishArticles + 2, $"only {articles} article pages were reached");
        Assert.Contains(loaded, p => p.StartsWith("/article/", StringComparison.Ordinal) && p.Contains("reform", StringComparison.Ordinal));
        Assert.Contains(loaded, p => p.StartsWith("/story/", StringComparison.Ordinal));
        Assert.Contains(loaded, p => p.StartsWith("/source/", StringComparison.Ordinal));
        Assert.Contains(loaded, p => p.StartsWith("/date/", StringComparison.Ordinal));
        Assert.Contains(loaded, p => p.StartsWith("/category/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The site shows outlets' images from where they are (its policy allows http and https images), so an image
    /// request is expected when it is a plain http(s) URL on the outlet's own host or on a host the outlet named.
    /// </summary>
    private static bool IsNamedImage(string url, IReadOnlySet<string> hosts) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && hosts.Contains(uri.Authority);

    /// <summary>The kind of page a link of the site leads to; null for pages the crawl does not follow (paging, feeds, the start pages).</summary>
    private static string? Kind(string link) =>
        link.Contains('?', StringComparison.Ordinal) || link.Contains('#', StringComparison.Ordinal)
            ? null
            : PagesPerKind.Keys.FirstOrDefault(k => link.StartsWith(k, StringComparison.Ordinal));

    private static IEnumerable<string> Check(string path, string html, IDocument document)
    {
        // The one script element allowed is the head's structured data: JSON that no browser runs, with every "<" escaped.
        var dataBlocks = document.QuerySelectorAll("head > script[type='application/ld+json']").ToList();
        foreach (var block in dataBlocks.Where(b => b.TextContent.Contains('<') || !IsJson(b.TextContent)))
            yield return $"{path}: structured data that is not plain JSON: {block.TextContent}";
        var checkedHtml = html.Replace("<script type=\"application/ld+json\">", "", StringComparison.Ordinal);
        foreach (var tag in ForbiddenTags.Where(t => checkedHtml.Contains(t, StringComparison.OrdinalIgnoreCase)))
            yield return $"{path}: served HTML contains {tag}";
        foreach (var element in document.All.Except(dataBlocks))
        {
            var name = element.LocalName;
            if (ForbiddenElements.Contains(name) && !(name is "input" or "button" or "select" or "textarea" && element.Closest("form") is { } form && IsSiteForm(form)))
                yield return $"{path}: <{name}> element";
            if (name == "meta" && element.HasAttribute("http-equiv")) yield return $"{path}: <meta http-equiv>";
            if (name == "form" && !IsSiteForm(element)) yield return $"{path}: a form to {element.GetAttribute("action")}";
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) yield return $"{path}: <{name} {attribute.Name}>";
                if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase)) yield return $"{path}: <{name} style=\"{attribute.Value}\">";
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()) && !SafeUrl(attribute.Value))
                    yield return $"{path}: <{name} {attribute.Name}=\"{attribute.Value}\">";
            }
        }
    }

    /// <summary>The site's own forms: the search, and a reader's report of a paragraph (on its own page, posting to itself).</summary>
    private static bool IsSiteForm(IElement form) =>
        form.GetAttribute("action") is "/search" || System.Text.RegularExpressions.Regex.IsMatch(form.GetAttribute("action") ?? "", @"^/article/\d+/report/\d+$");

    private static bool IsJson(string text)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Relative, or http(s)/mailto, once the whitespace and control characters browsers skip are removed.</summary>
    private static bool SafeUrl(string value)
    {
        var bare = new string(value.Where(c => c > ' ' && c != '\u007F').ToArray()).ToLowerInvariant();
        foreach (var part in bare.Split(','))
        {
            var url = part.Trim();
            var colon = url.IndexOf(':', StringComparison.Ordinal);
            var stop = url.IndexOfAny(['/', '?', '#']);
            if (colon < 0 || (stop >= 0 && stop < colon)) continue;
            if (!(url.StartsWith("http:", StringComparison.Ordinal) || url.StartsWith("https:", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal)))
                return false;
        }
        return true;
    }
}

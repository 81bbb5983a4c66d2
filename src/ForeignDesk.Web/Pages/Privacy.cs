using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>What the site stores about readers: nothing personal.</summary>
internal static class Privacy
{
    public static IResult Show(HttpRequest request, SiteShell shell)
    {
        var name = shell.Options.Name;
        var page = shell.Begin(request, new PageMeta("Privacy", $"{name} sets no cookies and keeps only anonymous view counts.", "/privacy"));
        page.Add($"""
            <article class="story">
            <h1>Privacy</h1>
            <h2>No cookies</h2>
            <p>{name} sets no cookies and uses no local storage, tracking pixels, analytics or advertising scripts.</p>
            <h2>View counts are anonymous</h2>
            <p>When an article is opened, a counter for that article and that hour is increased by one. Nothing about the reader is
            stored with it: no IP address, no browser details, no identifier. These counts make the "Trends 24h" lists.</p>
            <h2>What is stored</h2>
            <p>{name} stores the news articles it reads from external sources (their text, original language, author line, times and
            source link), their English translations, anonymous view counts per article and hour, and the health of each source
            (when it was last read and any errors).</p>
            <h2>Reports of translation problems</h2>
            <p>When you report a problem in a paragraph's translation, {name} keeps your note, the article, the paragraph and the
            time, for the editor. Nothing about you is kept with it: no name, no address, no cookie.</p>
            <h2>External images and links</h2>
            <p>Article photos are copies kept by {name} and served from its own address: your browser never contacts the outlet
            that published them. Links to the original articles open the outlet's site, which has its own privacy policy.</p>
            </article>
            """);
        return shell.Finish(page);
    }
}

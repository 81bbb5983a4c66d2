using ForeignDesk.Core;
using ForeignDesk.Web.Pages;

namespace ForeignDesk.Web.Rendering;

/// <summary>Latest as stories, not repeats: one line per story, with how many outlets and which languages covered it.</summary>
internal static class StoryList
{
    public static void Write(HtmlBuilder page, IReadOnlyList<StoryLine> lines, bool withTeaser, string empty)
    {
        if (lines.Count == 0)
        {
            page.Add($"<p class=\"meta\">{empty}</p>\n");
            return;
        }
        page.Add($"<ol class=\"list\">\n");
        foreach (var line in lines)
        {
            if (line.StoryId is not { } storyId || line.ArticleCount < 2)
            {
                ArticleList.Write(page, [line.Lead], withTeaser, empty, inline: true);
                continue;
            }
            var lead = line.Lead;
            page.Add($"""
                <li class="story-line"><a class="title" href="{StoryShow.PathOf(storyId)}" lang="en">{line.Headline ?? lead.Title}</a>
                <div class="meta"><a href="{Paths.Category(lead.Category)}">{lead.Category}</a> · <time datetime="{Stamps.Iso(lead.PublishedUtc)}">{Stamps.Utc(lead.PublishedUtc)}</time> · <span class="reach">{StoryShow.Reach(line)}</span></div>

                """);
            if (withTeaser && !string.IsNullOrWhiteSpace(lead.Teaser) && lead.State == ArticleState.Translated)
                page.Add($"<p lang=\"en\">{SiteShell.Shorten(lead.Teaser, 240)}</p>");
            page.Add($"</li>\n");
        }
        page.Add($"</ol>\n");
    }
}

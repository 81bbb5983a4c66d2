using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>What the site is and where its content comes from.</summary>
internal static class About
{
    public static IResult Show(HttpRequest request, SiteShell shell)
    {
        var name = shell.Options.Name;
        var page = shell.Begin(request, new PageMeta($"About {name}", $"{name} follows news outlets in other languages and publishes their articles machine-translated into English.", "/about"));
        page.Add($"""
            <article class="story">
            <h1>About {name}</h1>
            <p>{name} follows news outlets that publish in languages other than English. It reads their feeds, extracts each new article,
            translates it into English with a machine-translation engine, and publishes the translation here, next to the original text.</p>
            <h2>Where the content comes from</h2>
            <p>Every article comes from an external source and is shown with its outlet's name, its author when known, its original
            publication time and a link to the original article. {name} does not write or edit the news.</p>
            <h2>Machine translation</h2>
            <p>The translations are made by software, without a human translator. They can be wrong, clumsy or miss nuance. Each article
            names the engine and the language route it used, and the original text is always one click away. Articles in a language that
            no engine translates yet are shown in the original with a notice.</p>
            <h2>How it runs</h2>
            <p>Pages are served from {name}'s own store: reading an article never contacts the outlet. The <a href="/status">status page</a>
            shows when each source was last read and any problems.</p>
            </article>
            """);
        return shell.Finish(page);
    }
}

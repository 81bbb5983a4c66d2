using System.Globalization;
using System.Text;
using ForeignDesk.Web.Tests.EndToEnd;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// A French outlet on 127.0.0.1 whose feed lists articles 1 to <see cref="Published"/> (more can be published while it
/// runs) with an ETag that changes with them, and answers 304 to the current one.
/// </summary>
internal sealed class NumberedOutlet : IAsyncDisposable
{
    /// <summary>The day the outlet's articles are published by default: the fixed day of the tests that run on a fake clock.</summary>
    public static readonly DateOnly DefaultDay = new(2026, 11, 29);

    private readonly WebApplication _server;
    private int _published;

    private NumberedOutlet(WebApplication server, int published) => (_server, _published) = (server, published);

    public Uri Home => new(_server.Urls.First() + "/");

    public Uri Feed => new(Home, "/feed.xml");

    public int Published => Volatile.Read(ref _published);

    public Uri ArticleUrl(int number) => new(Home, $"/a/{number}.html");

    /// <summary>Called with an article's number each time its page is asked for, before it is answered.</summary>
    public Action<int>? Serving { get; set; }

    /// <summary>Whether the outlet has rewritten the second paragraph of every article (<see cref="Revise"/>).</summary>
    public bool Revised => Volatile.Read(ref _revised);

    private bool _revised;

    /// <summary>Rewrites the second paragraph of every article, from now on.</summary>
    public void Revise() => Volatile.Write(ref _revised, true);

    /// <summary>The second paragraph of article <paramref name="number"/> once revised.</summary>
    public static string RevisedParagraph(int number) =>
        $"Le maire a finalement annoncé que la rénovation de {number + 2} bâtiments anciens commencera dès le mois de janvier.";

    /// <summary>Puts out one more article, listed in the feed from now on.</summary>
    public void Publish() => Interlocked.Increment(ref _published);

    /// <param name="articleDelay">How long each article page takes to come (so that a process can be killed mid-fetch).</param>
    /// <param name="day">The day its articles are published (<see cref="DefaultDay"/> when not given). A test of processes
    /// on the real clock whose outcome depends on an article's age gives a day relative to today.</param>
    public static async Task<NumberedOutlet> StartAsync(int published, CancellationToken ct, TimeSpan articleDelay = default, DateOnly? day = null)
    {
        var on = day ?? DefaultDay;
        NumberedOutlet? outlet = null;
        var server = await PipelineSite.ServeAsync(app =>
        {
            app.MapGet("/feed.xml", (HttpContext context) =>
            {
                var count = outlet!.Published;
                var etag = $"\"feed-{count}\"";
                if (context.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
                context.Response.Headers.ETag = etag;
                var home = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
                var items = Enumerable.Range(1, count).Select(i => (new Uri(home, $"/a/{i}.html"), Title(i),
                    new DateTimeOffset(on, new TimeOnly(i % 24, 0), TimeSpan.Zero).ToString("R", CultureInfo.InvariantCulture)));
                return Results.Text(OutletPages.Rss("Le Courrier", home, items), "application/rss+xml", Encoding.UTF8);
            });
            app.MapGet("/a/{number:int}.html", async (int number, CancellationToken aborted) =>
            {
                outlet!.Serving?.Invoke(number);
                if (articleDelay > TimeSpan.Zero) await Task.Delay(articleDelay, aborted);
                if (number > outlet.Published) return Results.NotFound();
                var article = Article(number, on);
                if (outlet.Revised) article = article with { Paragraphs = [article.Paragraphs[0], RevisedParagraph(number), article.Paragraphs[2]] };
                return Results.Text(OutletPages.French(article), "text/html", Encoding.UTF8);
            });
        }, ct);
        outlet = new NumberedOutlet(server, published);
        return outlet;
    }

    public static string Title(int number) => $"Le conseil municipal numéro {number} vote le budget des écoles";

    /// <summary>Article <paramref name="number"/>, published on <paramref name="day"/> (29 November 2026 when not given) at <c>number % 24</c> o'clock (Paris).</summary>
    public static OutletArticle Article(int number, DateOnly? day = null) => new(
        $"a/{number}.html",
        Title(number),
        $"Le conseil de la commune {number} a adopté hier soir un budget nouveau pour ses écoles primaires.",
        [
            $"Les élus de la commune numéro {number} ont voté mardi soir, après un long débat, un budget qui augmente de {number} % les crédits des écoles primaires et des cantines scolaires.",
            $"Le maire a expliqué que cette hausse permettra de rénover {number + 2} bâtiments anciens, d'embaucher des animateurs pour le temps périscolaire et d'acheter du matériel informatique.",
            "L'opposition a critiqué un calendrier trop lent et demandé que les travaux commencent avant l'été, mais elle a fini par voter le texte après avoir obtenu un rapport trimestriel.",
        ],
        "Marie Dupont",
        $"{(day ?? DefaultDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{number % 24:00}:00:00+01:00",
        "Monde",
        "/img/ecole.jpg",
        "Une école primaire",
        "AFP");

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}

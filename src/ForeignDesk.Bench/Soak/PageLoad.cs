using System.Text.RegularExpressions;

namespace ForeignDesk.Bench.Soak;

/// <summary>
/// Readers of the site in a closed loop: each of <c>clients</c> requests a page, reads it, pauses, and asks for the
/// next: the home page, an article linked from the home page, or a search. Only servers on loopback are loaded.
/// </summary>
internal sealed partial class PageLoad(Uri site, int clients, TimeSpan pause)
{
    private static readonly string[] Searches = ["government", "housing+plan", "energy+prices", "budget", "Madrid", "pensions+reform", "drought"];

    private string[] _articles = [];
    private long _requests;
    private long _serverErrors;
    private long _unavailable;
    private long _failures;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Answers 500 and above other than 503.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Answers 503 (the store is away for a moment).</summary>
    public long Unavailable => Interlocked.Read(ref _unavailable);

    /// <summary>Requests that got no answer (refused, reset, timed out).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!site.IsLoopback) throw new InvalidOperationException($"the soak bench only loads local servers, not {site}");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
        {
            BaseAddress = site,
            Timeout = TimeSpan.FromSeconds(30),
        };
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => ReadAsync(client, new Random(c), cancellationToken)));
    }

    private async Task ReadAsync(HttpClient client, Random random, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var roll = random.Next(10);
            var articles = Volatile.Read(ref _articles);
            var path = roll < 4 || articles.Length == 0 ? "/"
                : roll < 8 ? articles[random.Next(articles.Length)]
                : "/search?q=" + Searches[random.Next(Searches.Length)];
            try
            {
                using var response = await client.GetAsync(path, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Interlocked.Increment(ref _requests);
                var status = (int)response.StatusCode;
                if (status == 503) Interlocked.Increment(ref _unavailable);
                else if (status >= 500) Interlocked.Increment(ref _serverErrors);
                if (path == "/" && response.IsSuccessStatusCode) Remember(body);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _failures);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _failures);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Keeps the article links of the newest home page as the articles to read.</summary>
    private void Remember(string home)
    {
        var links = ArticleLink().Matches(home).Select(m => m.Groups[1].Value).Distinct().ToArray();
        if (links.Length > 0) Volatile.Write(ref _articles, links);
    }

    [GeneratedRegex("href=\"(/article/[0-9]+[^\"]*)\"")]
    private static partial Regex ArticleLink();
}

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// The Allow/Disallow rules of robots.txt that apply to one user agent (RFC 9309): the groups naming our product
/// token, else the <c>*</c> groups; the longest matching pattern wins and Allow wins a tie; <c>*</c> matches any
/// run of characters and a final <c>$</c> anchors the end. <c>Crawl-delay</c> (seconds, from the same groups) is
/// kept, up to <see cref="MaxCrawlDelay"/>.
/// </summary>
internal sealed class RobotsRules
{
    public static readonly RobotsRules AllowAll = new([]);

    /// <summary>The longest crawl delay obeyed: a site asking for more still gets one request per minute.</summary>
    public static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyList<Rule> rules;

    private RobotsRules(IReadOnlyList<Rule> rules, TimeSpan? crawlDelay = null)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
    }

    public int Count => rules.Count;

    /// <summary>The pause the site asks for between two requests, or null when it names none.</summary>
    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var ours = new List<Rule>();
        var star = new List<Rule>();
        var agents = new List<string>();
        var inRules = false;
        var namesUs = false;
        var namesStar = false;
        TimeSpan? ourDelay = null;
        TimeSpan? starDelay = null;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (inRules)
                    {
                        agents.Clear();
                        namesUs = namesStar = inRules = false;
                    }

                    agents.Add(value);
                    namesUs |= Matches(value, productToken);
                    namesStar |= value == "*";
                    break;
                case "allow" or "disallow":
                    inRules = true;
                    if (agents.Count == 0 || value.Length == 0)
                    {
                        break;
                    }

                    var rule = new Rule(value, key == "allow");
                    if (namesUs)
                    {
                        ours.Add(rule);
                    }
                    else if (namesStar)
                    {
                        star.Add(rule);
                    }

                    break;
                case "crawl-delay":
                    // Like Sitemap and unknown keys, Crawl-delay ends nothing and adds no rule.
                    if (CrawlDelayOf(value) is { } delay)
                    {
                        if (namesUs) ourDelay = delay;
                        else if (namesStar) starDelay = delay;
                    }

                    break;
                default:
                    // Sitemap and unknown keys end nothing and add no rule.
                    break;
            }
        }

        var forUs = ours.Count > 0 || ourDelay is not null || HasGroupFor(text, productToken);
        return new RobotsRules(forUs ? ours : star, forUs ? ourDelay : starDelay);
    }

    private static TimeSpan? CrawlDelayOf(string value)
    {
        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || double.IsNaN(seconds) || seconds <= 0)
        {
            return null;
        }

        return seconds >= MaxCrawlDelay.TotalSeconds ? MaxCrawlDelay : TimeSpan.FromSeconds(seconds);
    }

    public bool IsAllowed(Uri url)
    {
        var path = url.PathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Rule? best = null;
        foreach (var rule in rules)
        {
            if (!PatternMatches(rule.Pattern, path))
            {
                continue;
            }

            if (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    internal static bool PatternMatches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored)
        {
            pattern = pattern[..^1];
        }

        return Match(pattern.AsSpan(), path.AsSpan(), anchored);
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path, bool anchored)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return anchored ? path.SequenceEqual(pattern) : path.StartsWith(pattern);
        }

        if (!path.StartsWith(pattern[..star]))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        var remaining = path[star..];
        for (var i = 0; i <= remaining.Length; i++)
        {
            if (Match(rest, remaining[i..], anchored))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string agent, string productToken) =>
        agent.Split('/')[0].Trim().Equals(productToken, StringComparison.OrdinalIgnoreCase);

    private static bool HasGroupFor(string text, string productToken) =>
        text.Split('\n').Any(l =>
        {
            var colon = l.IndexOf(':');
            return colon > 0 && l[..colon].Trim().Equals("user-agent", StringComparison.OrdinalIgnoreCase)
                && Matches(l[(colon + 1)..].Split('#')[0].Trim(), productToken);
        });

    private sealed record Rule(string Pattern, bool Allow);
}

using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Pages;

/// <summary>The endpoints table of /status: each polled URL with its kind, state, schedule and last error.</summary>
internal static class StatusEndpoints
{
    public static async Task AddAsync(
        HtmlBuilder page, IReadOnlyList<SourceHealth> health, ISourceEndpointStore store, EndpointHealthRules rules, CancellationToken cancellationToken,
        IWebSubSubscriptionStore? webSub = null, DateTimeOffset? leaseNow = null)
    {
        var subscriptions = webSub is null ? [] : await webSub.SubscriptionsAsync(cancellationToken);
        var rows = new List<(Source Source, SourceEndpoint Endpoint)>();
        foreach (var row in health)
        {
            foreach (var endpoint in await store.EndpointsAsync(row.Source.Id, cancellationToken))
            {
                rows.Add((row.Source, endpoint));
            }
        }

        page.Add($"<h2>Endpoints</h2>\n");
        if (rows.Count == 0)
        {
            page.Add($"<p class=\"meta\">No endpoints polled yet.</p>\n");
            return;
        }

        page.Add($"""
            <div class="table-wrap"><table class="cards">
            <thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">URL</th><th scope="col">State</th><th scope="col">Next poll</th><th scope="col">Interval</th><th scope="col">Consecutive errors</th><th scope="col">Last error</th><th scope="col">WebSub</th></tr></thead>
            <tbody>

            """);
        foreach (var (source, endpoint) in rows)
        {
            var state = rules.IsFailing(endpoint) ? "failing" : endpoint.ConsecutiveErrors > 0 ? "erroring" : "ok";
            var next = endpoint.NextPollUtc is { } due ? Stamps.Utc(due) : "now";
            page.Add($"""
                <tr><th scope="row">{source.Name}</th><td data-label="Kind">{endpoint.Kind.ToString().ToLowerInvariant()}</td><td data-label="URL" class="error-cell">{endpoint.Url.AbsoluteUri}</td><td data-label="State" class="endpoint-{state}">{state}</td><td data-label="Next poll">{next}</td><td data-label="Interval">{Interval(endpoint.Interval)}</td><td data-label="Consecutive errors">{endpoint.ConsecutiveErrors}</td><td data-label="Last error" class="error-cell">{endpoint.LastError ?? "—"}</td><td data-label="WebSub" class="error-cell">{StatusWebSub.Describe(subscriptions, endpoint, leaseNow)}</td></tr>

                """);
        }

        page.Add($"</tbody></table></div>\n");
    }

    private static string Interval(TimeSpan interval) => interval.TotalMinutes >= 1
        ? interval.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min"
        : interval.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";
}

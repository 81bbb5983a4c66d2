using ForeignDesk.Core;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>Each source's health and the latest recorded problems.</summary>
internal static class StatusPage
{
    public static async Task<IResult> ShowAsync(
        HttpRequest request, SiteShell shell, IArticleStore store, IServiceProvider services, StatusCountsRefresher counts,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var health = await store.SourceHealthAsync(now, cancellationToken);
        var problems = await store.RecentProblemsAsync(50, cancellationToken);
        var articleCounts = await counts.CurrentAsync(cancellationToken);

        var page = shell.Begin(request, new PageMeta("Status", "When each source was last read, its errors and recent problems.", "/status"));
        page.Add($"<h1>Status</h1>\n<p class=\"meta\">As of {Stamps.Utc(now)}; article and check counts as of {Stamps.Utc(articleCounts.ComputedUtc)}.</p>\n<h2>Sources</h2>\n");
        if (health.Count == 0)
        {
            page.Add($"<p class=\"meta\">No sources yet.</p>\n");
        }
        else
        {
            page.Add($"""
                <p class="meta">In another language: articles detected in a language the source does not list, handled in that language. Awaiting an engine: articles in a language no route translates, kept untranslated and shown in their original with a notice.</p>
                <div class="table-wrap"><table class="cards">
                <thead><tr><th scope="col">Source</th><th scope="col">Last fetch</th><th scope="col">Last success</th><th scope="col">Consecutive errors</th><th scope="col">Last error</th><th scope="col">Articles today</th><th scope="col">Articles</th><th scope="col">In another language</th><th scope="col">Awaiting an engine</th></tr></thead>
                <tbody>

                """);
            foreach (var row in health)
            {
                var counted = articleCounts.Counts.GetValueOrDefault(row.Source.Id);
                page.Add($"""
                    <tr><th scope="row"><a href="{Paths.Source(row.Source.Slug)}">{row.Source.Name}</a></th><td data-label="Last fetch">{When(row.LastFetchUtc)}</td><td data-label="Last success">{When(row.LastSuccessUtc)}</td><td data-label="Consecutive errors">{row.ConsecutiveErrors}</td><td data-label="Last error" class="error-cell">{row.LastError ?? "—"}</td><td data-label="Articles today">{Count(counted?.Today)}</td><td data-label="Articles">{Count(counted?.Total)}</td><td data-label="In another language">{Count(counted?.OtherLanguage)}</td><td data-label="Awaiting an engine">{Count(counted?.AwaitingEngine)}</td></tr>

                    """);
            }
            page.Add($"</tbody></table></div>\n");
        }

        AddDelays(page, health, articleCounts);
        AddChecks(page, articleCounts);

        // Sites without the endpoint store (a bare store in some hosts) show no endpoints table.
        if (services.GetService(typeof(ISourceEndpointStore)) is ISourceEndpointStore endpoints)
        {
            var rules = (EndpointHealthRules?)services.GetService(typeof(EndpointHealthRules)) ?? EndpointHealthRules.Default;
            // A lease is over when the hub counts it over: judged by the clock the subscriber renews by, which a step of
            // the wall clock does not move.
            var leaseNow = (services.GetService(typeof(Ingest.WebSub.LeaseClock)) as Ingest.WebSub.LeaseClock)?.GetUtcNow() ?? now;
            await StatusEndpoints.AddAsync(page, health, endpoints, rules, cancellationToken,
                services.GetService(typeof(IWebSubSubscriptionStore)) as IWebSubSubscriptionStore, leaseNow);
        }

        // Sites without a job queue (a bare store in some hosts) show no jobs.
        if (services.GetService(typeof(IJobQueue)) is IJobQueue jobs) await AddJobsAsync(page, jobs, cancellationToken);

        page.Add($"<h2>Recent problems</h2>\n");
        if (problems.Count == 0)
        {
            page.Add($"<p class=\"meta\">No problems recorded.</p>\n");
        }
        else
        {
            var names = health.ToDictionary(h => h.Source.Id, h => h.Source.Name);
            page.Add($"""
                <div class="table-wrap"><table class="cards">
                <thead><tr><th scope="col">When</th><th scope="col">Source</th><th scope="col">Stage</th><th scope="col">URL</th><th scope="col">Problem</th></tr></thead>
                <tbody>

                """);
            foreach (var problem in problems)
            {
                var source = names.GetValueOrDefault(problem.SourceId, $"#{problem.SourceId}");
                page.Add($"""
                    <tr><td data-label="When">{Stamps.Utc(problem.AtUtc)}</td><td data-label="Source">{source}</td><td data-label="Stage">{problem.Stage}</td><td data-label="URL" class="error-cell">{problem.Url}</td><td data-label="Problem" class="error-cell">{problem.Message}</td></tr>

                    """);
            }
            page.Add($"</tbody></table></div>\n");
        }
        return shell.Finish(page);
    }

    /// <summary>Per source, over its articles first seen in the last 24 hours: median and 95th percentile of each delay.</summary>
    private static void AddDelays(HtmlBuilder page, IReadOnlyList<SourceHealth> health, StatusCounts counts)
    {
        page.Add($"<h2>Delays</h2>\n");
        var rows = health.Where(h => counts.Delays.ContainsKey(h.Source.Id)).ToList();
        if (rows.Count == 0)
        {
            page.Add($"<p class=\"meta\">No articles first seen in the last 24 hours.</p>\n");
            return;
        }
        page.Add($"""
            <p class="meta">Per source, over its articles first seen in the last 24 hours: the median (p50) and 95th percentile (p95) of the time from the outlet's publication to ForeignDesk's first sight of the article (articles whose outlet gave a time), from first sight to its translation, and from publication to translation.</p>
            <div class="table-wrap"><table class="cards delays">
            <thead><tr><th scope="col">Source</th><th scope="col">Articles 24h</th><th scope="col">Outlet → first seen p50</th><th scope="col">p95</th><th scope="col">First seen → translated p50</th><th scope="col">p95</th><th scope="col">Outlet → translated p50</th><th scope="col">p95</th></tr></thead>
            <tbody>

            """);
        foreach (var row in rows)
        {
            var delays = counts.Delays[row.Source.Id];
            page.Add($"""
                <tr><th scope="row">{row.Source.Name}</th><td data-label="Articles 24h">{Count(delays.Articles)}</td><td data-label="Outlet → first seen p50">{Stamps.Duration(delays.Seen?.P50)}</td><td data-label="Outlet → first seen p95">{Stamps.Duration(delays.Seen?.P95)}</td><td data-label="First seen → translated p50">{Stamps.Duration(delays.Translated?.P50)}</td><td data-label="First seen → translated p95">{Stamps.Duration(delays.Translated?.P95)}</td><td data-label="Outlet → translated p50">{Stamps.Duration(delays.Total?.P50)}</td><td data-label="Outlet → translated p95">{Stamps.Duration(delays.Total?.P95)}</td></tr>

                """);
        }
        page.Add($"</tbody></table></div>\n");
    }

    /// <summary>Per engine and source language: translations made, those with a failing check and their failing paragraphs, today and in all.</summary>
    private static void AddChecks(HtmlBuilder page, StatusCounts counts)
    {
        page.Add($"<h2>Translation checks</h2>\n");
        var keys = counts.ChecksAll.Concat(counts.ChecksDay).Select(c => (c.Engine, c.Language)).Distinct().Order().ToList();
        if (keys.Count == 0)
        {
            page.Add($"<p class=\"meta\">No translations yet.</p>\n");
            return;
        }
        page.Add($"""
            <p class="meta">Translations whose paragraphs lost a number, date, amount, address or glossary name of the original, per engine and source language: in the last 24 hours and in all (each translation made counts, an article translated again counts again).</p>
            <div class="table-wrap"><table class="cards checks">
            <thead><tr><th scope="col">Engine</th><th scope="col">Language</th><th scope="col">Translations 24h</th><th scope="col">With failed checks 24h</th><th scope="col">Failed paragraphs 24h</th><th scope="col">Translations</th><th scope="col">With failed checks</th><th scope="col">Failed paragraphs</th></tr></thead>
            <tbody>

            """);
        var day = counts.ChecksDay.ToDictionary(c => (c.Engine, c.Language));
        var all = counts.ChecksAll.ToDictionary(c => (c.Engine, c.Language));
        foreach (var key in keys)
        {
            var d = day.GetValueOrDefault(key);
            var a = all.GetValueOrDefault(key);
            page.Add($"""
                <tr><th scope="row">{key.Engine}</th><td data-label="Language">{Stamps.LanguageName(key.Language)}</td><td data-label="Translations 24h">{Count(d?.Translations ?? 0)}</td><td data-label="With failed checks 24h">{Count(d?.FailedTranslations ?? 0)}</td><td data-label="Failed paragraphs 24h">{Count(d?.FailedParagraphs ?? 0)}</td><td data-label="Translations">{Count(a?.Translations)}</td><td data-label="With failed checks">{Count(a?.FailedTranslations)}</td><td data-label="Failed paragraphs">{Count(a?.FailedParagraphs)}</td></tr>

                """);
        }
        page.Add($"</tbody></table></div>\n");
    }

    /// <summary>Most dead jobs listed; <c>foreigndesk jobs dead</c> lists them all.</summary>
    public const int DeadListed = 50;

    /// <summary>The pipeline's jobs in each state, and the dead ones: what failed for the last time, and why.</summary>
    private static async Task AddJobsAsync(HtmlBuilder page, IJobQueue jobs, CancellationToken cancellationToken)
    {
        var counts = await jobs.CountsAsync(cancellationToken);
        var dead = await jobs.DeadAsync(DeadListed, cancellationToken);
        page.Add($"<h2>Jobs</h2>\n<p class=\"meta\">Queued {counts.Queued} · running {counts.Running} · failed, waiting to be retried {counts.Failed} · dead {counts.Dead}.</p>\n");
        if (dead.Count == 0)
        {
            page.Add($"<p class=\"meta\">No dead jobs.</p>\n");
            return;
        }

        page.Add($"""
            <p class="meta">Dead jobs failed too often to be tried again by themselves: <code>foreigndesk jobs retry ID</code> (or <code>--all</code>) queues them again.</p>
            <div class="table-wrap"><table class="cards">
            <thead><tr><th scope="col">ID</th><th scope="col">Died</th><th scope="col">Job</th><th scope="col">Key</th><th scope="col">Failures</th><th scope="col">Last error</th></tr></thead>
            <tbody>

            """);
        foreach (var job in dead)
        {
            page.Add($"""
                <tr><td data-label="ID">{job.Id}</td><td data-label="Died">{Stamps.Utc(job.DiedUtc)}</td><td data-label="Job">{job.Kind}</td><td data-label="Key" class="error-cell">{job.Key}</td><td data-label="Failures">{job.Failures}</td><td data-label="Last error" class="error-cell">{job.LastError ?? "—"}</td></tr>

                """);
        }
        page.Add($"</tbody></table></div>\n");
    }

    private static string Count(int? count) => count?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    private static string When(DateTimeOffset? instant) => instant is { } value ? Stamps.Utc(value) : "never";
}

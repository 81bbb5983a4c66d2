using System.Net;
using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Web.Tests.Deploy;

/// <summary><c>/metrics</c>: absent by default; with metrics on, what the pipeline and the pages did, in Prometheus' format.</summary>
[Collection("Sites exporting metrics")]
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly TemporaryDataFolder _folder = new("foreigndesk-metrics-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Metrics_ByDefault_IsNotFound()
    {
        await using var site = await BuildAsync(metrics: false);
        using var browser = await PipelineWorld.StartSiteAsync(site, Ct);

        using var response = await browser.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Metrics_OnAfterAnIngestAndAPage_ShowsFetchExtractTranslateJobsSourceErrorsEnginesAndPageLatencies()
    {
        await using var outlets = await OutletServer.StartAsync(Ct);
        OutletWorld.Publish(outlets);
        await using var site = await BuildAsync(metrics: true);
        var store = site.Services.GetRequiredService<IArticleStore>();
        await store.AddSourceAsync(new SourceDraft(OutletPages.SpanishOutlet, outlets.Url("es/"), [outlets.Url("es/rss.xml")], "es", "News/Politics", "Europe/Madrid"), Ct);
        var broken = await store.AddSourceAsync(new SourceDraft("Diario Roto", new Uri("http://127.0.0.1:1/"), [new Uri("http://127.0.0.1:1/feed.xml")], "es", "News/World", "Europe/Madrid"), Ct);
        await site.Services.GetRequiredService<IngestPass>().RunAsync(Ct);
        using var browser = await PipelineWorld.StartSiteAsync(site, Ct);
        var housing = await store.FindByUrlAsync(outlets.Url(OutletWorld.Housing.Path).AbsoluteUri, Ct);
        Assert.NotNull(housing);
        using (var page = await browser.GetAsync($"/article/{housing.Id}", Ct)) Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var response = await browser.GetAsync("/metrics", Ct);
        var scrape = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(Count(scrape, "foreigndesk_fetch_duration_seconds_count", "outcome=\"ok\"") >= 4, "the feed and three articles were fetched");
        Assert.True(Count(scrape, "foreigndesk_fetch_duration_seconds_count", "outcome=\"network_error\"") >= 1, "the broken feed was fetched");
        Assert.True(Count(scrape, "foreigndesk_extract_duration_seconds_count", "outcome=\"article\"") >= 3);
        Assert.True(Count(scrape, "foreigndesk_translate_duration_seconds_count", "engine=\"apertium\"", "outcome=\"ok\"") >= 3);
        Assert.Contains("foreigndesk_translate_duration_seconds_bucket{", scrape);
        Assert.True(Count(scrape, "foreigndesk_engine_calls_total", "engine=\"apertium\"") >= 3);
        Assert.True(Count(scrape, "foreigndesk_engine_characters_total", "engine=\"apertium\"") > 1000);
        Assert.True(Count(scrape, "foreigndesk_source_errors_total", $"source=\"{broken.Slug}\"", "stage=\"feed\"") >= 1);
        Assert.True(Count(scrape, "foreigndesk_job_duration_seconds_count", "kind=\"fetch\"", "outcome=\"completed\"") >= 3, "the three articles were fetched by jobs");
        Assert.True(Count(scrape, "foreigndesk_job_duration_seconds_count", "kind=\"place\"", "outcome=\"completed\"") >= 3);
        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("foreigndesk_jobs{", StringComparison.Ordinal) && line.Contains("state=\"dead\"", StringComparison.Ordinal));
        Assert.Equal(0, Count(scrape, "foreigndesk_jobs", "state=\"running\""));
        Assert.Equal(1, Count(scrape, "http_server_request_duration_seconds_count", "http_route=\"/article/{id:long}/{slug?}\"", "http_response_status_code=\"200\""));
    }

    [Fact]
    public async Task Metrics_ScrapedTwice_IsNotServedFromThePageCache()
    {
        await using var site = await BuildAsync(metrics: true);
        using var browser = await PipelineWorld.StartSiteAsync(site, Ct);
        using (var home = await browser.GetAsync("/", Ct)) Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var first = await browser.GetStringAsync("/metrics", Ct);
        using (var home = await browser.GetAsync("/", Ct)) Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        using var second = await browser.GetAsync("/metrics", Ct);
        var scrape = await second.Content.ReadAsStringAsync(Ct);

        Assert.Equal(1, Count(first, "http_server_request_duration_seconds_count", "http_route=\"/\""));
        Assert.Equal(2, Count(scrape, "http_server_request_duration_seconds_count", "http_route=\"/\""));
    }

    [Fact]
    public async Task Metrics_OnAfterAPage_ShowsTheRuntimesCollectionsAllocationsThreadPoolAndTheStoresConnectionsAndMemory()
    {
        await using var site = await BuildAsync(metrics: true);
        using var browser = await PipelineWorld.StartSiteAsync(site, Ct);
        using (var home = await browser.GetAsync("/", Ct)) Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var scrape = await browser.GetStringAsync("/metrics", Ct);

        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("dotnet_gc_collections_total{", StringComparison.Ordinal) && line.Contains("gc_heap_generation=\"gen0\"", StringComparison.Ordinal));
        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("dotnet_gc_pause_time_seconds_total", StringComparison.Ordinal));
        Assert.True(Count(scrape, "dotnet_gc_heap_total_allocated_bytes_total") > 0, "rendering the home page allocated");
        Assert.True(Count(scrape, "dotnet_thread_pool_thread_count") >= 1);
        Assert.True(Count(scrape, "foreigndesk_store_connections_opened_total") >= 1, "the home page read the store");
        // SQLite's memory in the process: the page caches of the connections that read the page, within its 256 MiB limit.
        Assert.InRange(Count(scrape, "foreigndesk_store_sqlite_memory_bytes"), 1, (256L + 32) << 20);
    }

    /// <summary>The value of the sample <paramref name="name"/> whose labels include all of <paramref name="labels"/> (0 when none).</summary>
    private static double Count(string scrape, string name, params string[] labels)
    {
        var sample = scrape.Split('\n').FirstOrDefault(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(line.Contains));
        return sample is null ? 0 : double.Parse(Regex.Match(sample, @"\}\s+(\S+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<WebApplication> BuildAsync(bool metrics) =>
        PipelineWorld.BuildSiteAsync(_folder.Path, Ct, new Dictionary<string, string?> { ["ForeignDesk:Metrics:Enabled"] = metrics ? "true" : null });
}

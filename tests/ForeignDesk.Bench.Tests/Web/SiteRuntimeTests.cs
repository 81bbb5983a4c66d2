using ForeignDesk.Bench.Web;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class SiteRuntimeTests
{
    private const string Before =
        """
        # TYPE dotnet_gc_collections_total counter
        # UNIT dotnet_gc_collections_total {collection}
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 1 1765000000000
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen1"} 4 1765000000000
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 20 1765000000000
        # TYPE dotnet_gc_pause_time_seconds_total counter
        dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} 0.25 1765000000000
        dotnet_gc_heap_total_allocated_bytes_total{otel_scope_name="System.Runtime"} 1000000 1765000000000
        dotnet_jit_compilation_time_seconds_total{otel_scope_name="System.Runtime"} 1.5 1765000000000
        dotnet_monitor_lock_contentions_total{otel_scope_name="System.Runtime"} 2 1765000000000
        dotnet_thread_pool_thread_count{otel_scope_name="System.Runtime"} 3 1765000000000
        dotnet_thread_pool_queue_length{otel_scope_name="System.Runtime"} 0 1765000000000
        foreigndesk_store_connections_opened_total{otel_scope_name="ForeignDesk.Store"} 10 1765000000000
        foreigndesk_store_read_connections_opened_total{otel_scope_name="ForeignDesk.Store"} 4 1765000000000
        # EOF
        """;

    private const string After =
        """
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 2
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen1"} 6
        dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 50
        dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} 0.45
        dotnet_gc_heap_total_allocated_bytes_total{otel_scope_name="System.Runtime"} 2.1e+07
        dotnet_jit_compilation_time_seconds_total{otel_scope_name="System.Runtime"} 1.75
        dotnet_monitor_lock_contentions_total{otel_scope_name="System.Runtime"} 42
        dotnet_thread_pool_thread_count{otel_scope_name="System.Runtime"} 7
        dotnet_thread_pool_queue_length{otel_scope_name="System.Runtime"} 12
        foreigndesk_store_connections_opened_total{otel_scope_name="ForeignDesk.Store"} 30
        foreigndesk_store_read_connections_opened_total{otel_scope_name="ForeignDesk.Store"} 9
        """;

    [Fact]
    public void Parse_AScrape_ReadsEachFigureWithOrWithoutTimestamps()
    {
        var runtime = SiteRuntime.Parse(Before);

        Assert.Equal(new SiteRuntime(20, 4, 1, 0.25, 1_000_000, 1.5, 2, 10, 4, 3, 0), runtime);
    }

    [Fact]
    public void Parse_AScrapeWithoutTheFigures_ReadsZeros()
    {
        Assert.Equal(new SiteRuntime(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), SiteRuntime.Parse("# EOF\nhttp_server_active_requests 3\n"));
    }

    [Fact]
    public void Since_TwentyThousandRequests_GivesCollectionsAndPerRequestFigures()
    {
        var change = SiteRuntime.Parse(After).Since(SiteRuntime.Parse(Before), requests: 20_000, peakQueue: 15);

        Assert.Equal((30, 2, 1), (change.Gen0, change.Gen1, change.Gen2));
        Assert.Equal(100, change.PauseMsPer10k, 6);
        Assert.Equal(1000, change.AllocatedBytesPerRequest, 6);
        Assert.Equal(250, change.JitMs, 6);
        Assert.Equal(20, change.ContentionsPer10k, 6);
        Assert.Equal(10, change.ConnectionsPer10k, 6);
        Assert.Equal(2.5, change.ReadConnectionsPer10k, 6);
        Assert.Equal((7, 15), (change.Threads, change.PeakQueue));
        Assert.Contains("pause 100.0 ms", change.ToString(), StringComparison.Ordinal);
    }
}

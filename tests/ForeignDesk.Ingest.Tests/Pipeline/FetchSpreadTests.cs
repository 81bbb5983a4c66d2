using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Pipeline;

/// <summary>
/// A listing's fetch jobs take each host's turns one politeness delay apart in the queue, so that the workers take the
/// fetches of many hosts in turn instead of all waiting at one host's gate.
/// </summary>
public sealed class FetchSpreadTests
{
    private static readonly Source Outlet = new(1, "diario", "Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC");
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private static FeedItem Item(string url) => new(new Uri(url), null, null, [], null);

    [Fact]
    public void EachHostsItems_QueueOneDelayApart_FromTheEndOfTheQueue()
    {
        var jobs = ArticleProcessor.JobsOf(Outlet,
            [Item("https://diario.example/a"), Item("https://otro.example/x"), Item("https://diario.example/b"), Item("https://DIARIO.example/c")],
            Delay, hostJustRead: null);

        Assert.Equal(["https://diario.example/a", "https://otro.example/x", "https://diario.example/b", "https://diario.example/c"], jobs.Select(j => j.Key));
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, Delay, 2 * Delay], jobs.Select(j => j.Behind));
        Assert.All(jobs, j => Assert.Null(j.DueUtc));
        Assert.All(jobs, j => Assert.Equal(JobKinds.Fetch, j.Kind));
    }

    [Fact]
    public void TheHostJustRead_StartsOneDelayBehind()
    {
        var jobs = ArticleProcessor.JobsOf(Outlet, [Item("https://diario.example/a"), Item("https://diario.example/b"), Item("https://otro.example/x")],
            Delay, hostJustRead: "diario.example");

        Assert.Equal([Delay, 2 * Delay, TimeSpan.Zero], jobs.Select(j => j.Behind));
    }

    [Fact]
    public void NoDelay_QueuesEveryItemAtTheEnd()
    {
        var jobs = ArticleProcessor.JobsOf(Outlet, [Item("https://diario.example/a"), Item("https://diario.example/b")], TimeSpan.Zero, "diario.example");

        Assert.All(jobs, j => Assert.Equal(TimeSpan.Zero, j.Behind));
    }
}

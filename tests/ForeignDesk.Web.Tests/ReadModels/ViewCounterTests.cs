using ForeignDesk.Web.ReadModels;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Web.Tests.ReadModels;

/// <summary>Views counted from many threads while batches are taken: every view is in exactly one batch.</summary>
public sealed class ViewCounterTests
{
    [Fact]
    public async Task Views_counted_while_batches_are_taken_are_each_in_exactly_one_batch()
    {
        var counter = new ViewCounter(new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero)));
        const int Threads = 8;
        const int ViewsEach = 200_000;
        var taken = new Dictionary<long, long>();
        var done = 0;
        var counting = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            // Half the views go to one much-read article, the rest spread over a few others.
            for (var i = 0; i < ViewsEach; i++) counter.Count(i % 2 == 0 ? 1 : 2 + (i + t) % 7);
            Interlocked.Increment(ref done);
        }, TestContext.Current.CancellationToken)).ToList();

        var batches = 0;
        while (Volatile.Read(ref done) < Threads)
        {
            Add(counter.Take());
            batches++;
        }
        await Task.WhenAll(counting);
        Add(counter.Take());

        Assert.True(batches > 1, "the test should take several batches while views are counted");
        Assert.Equal((long)Threads * ViewsEach, taken.Values.Sum());
        Assert.Equal((long)Threads * ViewsEach / 2, taken[1]);
        Assert.Empty(counter.Take());

        void Add(IReadOnlyCollection<Core.ViewCount> batch)
        {
            foreach (var view in batch) taken[view.ArticleId] = taken.GetValueOrDefault(view.ArticleId) + view.Count;
        }
    }

    [Fact]
    public async Task At_most_MaxPending_article_hours_wait_and_a_batch_taken_makes_room_again()
    {
        var counter = new ViewCounter(new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero)));
        const int Threads = 4;
        // Every view a new article, from several threads at once, past the bound.
        var counting = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var id = t; id < ViewCounter.MaxPending + 20_000; id += Threads) counter.Count(id);
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(counting);
        counter.Count(0);

        var first = counter.Take();
        Assert.InRange(first.Count, ViewCounter.MaxPending, ViewCounter.MaxPending + Threads);
        Assert.Equal(first.Count + 1, first.Sum(v => v.Count));
        Assert.Equal(first.Count, first.Select(v => v.ArticleId).Distinct().Count());

        // The batch taken, new articles are counted again.
        counter.Count(ViewCounter.MaxPending + 50_000);
        Assert.Equal(ViewCounter.MaxPending + 50_000, Assert.Single(counter.Take()).ArticleId);
    }

    [Fact]
    public void Counts_put_back_go_with_the_next_batch_beside_new_views()
    {
        var counter = new ViewCounter(new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 30, 0, TimeSpan.Zero)));
        counter.Count(5);
        counter.Count(5);
        var first = counter.Take();
        Assert.Equal(2, Assert.Single(first).Count);
        counter.Count(5);
        counter.Return(first);
        var second = Assert.Single(counter.Take());
        Assert.Equal(3, second.Count);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero), second.HourUtc);
    }
}

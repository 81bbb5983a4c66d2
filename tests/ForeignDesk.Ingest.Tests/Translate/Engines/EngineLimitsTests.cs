using System.Net.Http.Headers;
using ForeignDesk.Ingest.Translate.Engines;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

public sealed class EngineLimitsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void RetryAfter_SecondsDateOrPast_GivesTheDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Delay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now));
        Assert.Equal(TimeSpan.FromSeconds(90), RetryAfter.Delay(new RetryConditionHeaderValue(Now.AddSeconds(90)), Now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Delay(new RetryConditionHeaderValue(Now.AddSeconds(-5)), Now));
        Assert.Null(RetryAfter.Delay(null, Now));
    }

    [Fact]
    public async Task RequestPacer_SecondRequestInTheSameSecond_WaitsForItsSlot()
    {
        var time = new FakeTimeProvider(Now);
        var pacer = new RequestPacer(60, time);
        var ct = TestContext.Current.CancellationToken;

        await pacer.WaitAsync(ct);
        var second = pacer.WaitAsync(ct);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await second;
    }

    [Fact]
    public async Task RequestPacer_WallClockJumpsBackAnHour_StillWaitsOnlyItsSlot()
    {
        var steady = new FakeTimeProvider(Now);
        var time = new JumpingClock(steady, Now);
        var pacer = new RequestPacer(60, time);
        var ct = TestContext.Current.CancellationToken;

        await pacer.WaitAsync(ct);
        time.Jump(TimeSpan.FromHours(-1));
        var second = pacer.WaitAsync(ct);
        Assert.False(second.IsCompleted);
        steady.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    [Fact]
    public void CharacterBudget_SpentToday_RefusesUntilTheNextUtcDay()
    {
        var time = new FakeTimeProvider(Now);
        var budget = new CharacterBudget(100, time);

        Assert.True(budget.TryTake(80));
        Assert.False(budget.TryTake(30));
        Assert.Equal(20, budget.Remaining);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(budget.TryTake(30));
        Assert.Equal(70, budget.Remaining);
    }

    [Fact]
    public void SegmentBatches_BySegmentsAndCharacters()
    {
        string[] segments = ["aaaa", "bbbb", "cccc", "dddddddddd", "e"];

        var batches = SegmentBatches.Split(segments, [0, 1, 2, 3, 4], maxSegments: 2, maxCharacters: 9).ToList();

        Assert.Equal([[0, 1], [2], [3], [4]], batches.Select(b => b.ToArray()).ToArray());
    }
}

using ForeignDesk.Ingest.Translate.Engines;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>
/// An engine's daily character budget while the wall clock is stepped: each UTC day's budget is given once, a step
/// back across midnight gives none again, a step forward starts the new day once, and nothing left is ever negative.
/// </summary>
public sealed class BudgetClockJumpTests
{
    private static readonly DateTimeOffset BeforeMidnight = new(2026, 11, 29, 23, 50, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1)]
    [InlineData(-24)]
    public void ClockSetBackAcrossMidnight_TheDayAlreadyBegunIsNotGivenAgain(int hours)
    {
        var steady = new FakeTimeProvider(BeforeMidnight);
        var clock = new JumpingClock(steady, BeforeMidnight);
        var budget = new CharacterBudget(100, clock);
        Assert.True(budget.TryTake(60));

        steady.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(100, budget.Remaining);
        Assert.True(budget.TryTake(90));

        clock.Jump(TimeSpan.FromHours(hours));
        Assert.Equal(10, budget.Remaining);
        Assert.False(budget.TryTake(20));
        // The wall clock passes midnight again: still the same day's count.
        while (clock.GetUtcNow() < BeforeMidnight.AddMinutes(15))
        {
            steady.Advance(TimeSpan.FromMinutes(30));
            Assert.Equal(10, budget.Remaining);
        }

        // The next midnight by the wall clock gives the next day's budget, once.
        clock.Set(BeforeMidnight.AddDays(1).AddMinutes(15));
        Assert.Equal(100, budget.Remaining);
        Assert.True(budget.TryTake(100));
        Assert.Equal(0, budget.Remaining);
    }

    [Fact]
    public void ClockJumpsForwardADay_NewDayStartsOnce()
    {
        var noon = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var steady = new FakeTimeProvider(noon);
        var clock = new JumpingClock(steady, noon);
        var budget = new CharacterBudget(100, clock);
        Assert.True(budget.TryTake(100));
        Assert.False(budget.TryTake(1));

        clock.Jump(TimeSpan.FromDays(1));
        Assert.True(budget.TryTake(70));
        steady.Advance(TimeSpan.FromHours(11.5));
        Assert.Equal(30, budget.Remaining);
        budget.Restore(250);
        Assert.Equal(0, budget.Remaining);
        Assert.False(budget.TryTake(1));

        steady.Advance(TimeSpan.FromHours(1));
        Assert.Equal(100, budget.Remaining);
    }

    [Fact]
    public void ClockSetBackDays_CountFollowsTheWallClockAfterADayOfRealTime()
    {
        var steady = new FakeTimeProvider(BeforeMidnight);
        var clock = new JumpingClock(steady, BeforeMidnight);
        var budget = new CharacterBudget(100, clock);
        Assert.True(budget.TryTake(100));

        clock.Jump(TimeSpan.FromDays(-5));
        steady.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, budget.Remaining);
        // A day of real time behind the counted day: the count, kept, moves to the wall clock's day...
        steady.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, budget.Remaining);
        // ...and that day's midnight starts a new count, once.
        steady.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(100, budget.Remaining);
        Assert.True(budget.TryTake(100));
        steady.Advance(TimeSpan.FromHours(12));
        Assert.Equal(0, budget.Remaining);
    }
}

namespace ForeignDesk.Tests.Shared;

/// <summary>
/// A machine's clock whose wall time a test steps forward or back, as an NTP correction or an operator does, while its
/// timestamps and timers run on from <paramref name="steady"/> (the system's, or a <c>FakeTimeProvider</c> the test advances).
/// </summary>
internal sealed class JumpingClock(TimeProvider steady, DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - steady.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => steady.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override long GetTimestamp() => steady.GetTimestamp();

    public override long TimestampFrequency => steady.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => steady.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        steady.CreateTimer(callback, state, dueTime, period);

    /// <summary>Sets the wall clock to <paramref name="now"/>; timestamps do not move.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - steady.GetUtcNow()).Ticks);

    /// <summary>Steps the wall clock by <paramref name="by"/> (negative: back); timestamps do not move.</summary>
    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

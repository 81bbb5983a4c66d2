namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Source characters an engine may translate per UTC day, counted in memory; a new process takes up today's count
/// from the store (<see cref="EngineBudgets"/>), so a restart does not reset it.
/// The day boundary is the wall clock's, and only a later day starts a new count: a clock set back across midnight
/// (an NTP step) keeps counting the day already begun, so no day's budget is given twice. Should the wall clock stay
/// behind the counted day for a whole day of monotonic time (a wrong clock corrected by days), the count, kept as it
/// is, moves to the wall clock's day, so that the next midnight starts a new one instead of the calendar catching up.
/// </summary>
internal sealed class CharacterBudget(long perDay, TimeProvider time)
{
    private readonly Lock sync = new();
    /// <summary>The UTC day being counted; it moves back only after a whole day of monotonic time, keeping the count.</summary>
    private DateOnly day;
    /// <summary>When the count of <see cref="day"/> began, as a <see cref="TimeProvider.GetTimestamp"/>.</summary>
    private long dayBegan;
    private long used;

    public long PerDay => perDay;

    /// <summary>Characters left today, or null when there is no limit.</summary>
    public long? Remaining
    {
        get
        {
            if (perDay <= 0) return null;
            lock (sync)
            {
                Roll();
                return Math.Max(0, perDay - used);
            }
        }
    }

    /// <summary>Takes <paramref name="characters"/> from today's budget, or takes nothing and returns false when they do not fit.</summary>
    public bool TryTake(long characters)
    {
        if (perDay <= 0) return true;
        lock (sync)
        {
            Roll();
            if (used + characters > perDay) return false;
            used += characters;
            return true;
        }
    }

    /// <summary>Counts <paramref name="characters"/> already spent today (by an earlier process) when more than counted here.</summary>
    public void Restore(long characters)
    {
        lock (sync)
        {
            Roll();
            used = Math.Max(used, characters);
        }
    }

    private void Roll()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today > day)
        {
            used = 0;
        }
        else if (today == day || time.GetElapsedTime(dayBegan) < TimeSpan.FromDays(1))
        {
            return;
        }

        day = today;
        dayBegan = time.GetTimestamp();
    }
}

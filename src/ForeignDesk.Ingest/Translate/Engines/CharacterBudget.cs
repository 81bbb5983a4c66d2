namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Source characters an engine may translate per UTC day; kept in memory, so it starts afresh with the process.</summary>
internal sealed class CharacterBudget(long perDay, TimeProvider time)
{
    private readonly Lock sync = new();
    private DateOnly day;
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

    private void Roll()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (today == day) return;
        day = today;
        used = 0;
    }
}

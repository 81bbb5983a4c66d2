namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Source characters an engine may translate per UTC day, counted in memory; a new process takes up today's count
/// from the store (<see cref="EngineBudgets"/>), so a restart does not reset it.
/// </summary>
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
        if (today == day) return;
        day = today;
        used = 0;
    }
}

using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

public sealed class SqliteStoreFaultsTests
{
    private static readonly SqliteStoreFaults Faults = new();

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(15)]
    public void LockedStore_AloneOrWrappedByWhatCarriedIt_IsTemporary(int code)
    {
        var locked = new SqliteException("locked", code);

        Assert.True(Faults.IsTemporary(locked));
        Assert.True(Faults.IsTemporary(new InvalidOperationException("saving the article failed", locked)));
        Assert.True(Faults.IsTemporary(new AggregateException(new TimeoutException("other"), locked)));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(11)]
    [InlineData(1)]
    public void FullDiskCorruptionOrAnError_IsNotTemporary(int code)
    {
        Assert.False(Faults.IsTemporary(new SqliteException("failed", code)));
        Assert.False(Faults.IsTemporary(new InvalidOperationException("wrapped", new SqliteException("failed", code))));
        Assert.False(Faults.IsTemporary(new IOException("no store involved")));
    }
}

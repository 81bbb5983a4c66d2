namespace ForeignDesk.Core;

/// <summary>
/// Tells the store's errors that pass by themselves (the store locked by another process, a connection dropped for a
/// moment) from the rest (a full disk, a bug), so that work can wait and try again instead of failing.
/// </summary>
public interface IStoreFaults
{
    /// <summary>Whether <paramref name="error"/> is the store's and likely gone when the same work is tried again a little later.</summary>
    bool IsTemporary(Exception error);
}

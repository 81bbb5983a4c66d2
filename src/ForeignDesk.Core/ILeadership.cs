namespace ForeignDesk.Core;

/// <summary>
/// Roles that one process at a time may hold among all that share the store (the story clusterer, the poll scheduler, WebSub upkeep): on PostgreSQL an
/// advisory lock held on a connection of its own, lost with that connection; on SQLite a lease row that its holder
/// renews, free again <see cref="JobOptions.LeaseTime"/> after a holder killed last renewed it.
/// </summary>
public interface ILeadership
{
    /// <summary>Takes <paramref name="role"/> unless another process holds it.</summary>
    /// <returns>The role, held until disposed (or lost); null when another process holds it.</returns>
    Task<ILeadershipLease?> TryAcquireAsync(string role, CancellationToken cancellationToken);
}

/// <summary>A role this process holds. Disposing it gives the role up.</summary>
public interface ILeadershipLease : IAsyncDisposable
{
    string Role { get; }

    /// <summary>
    /// Keeps the role (renews the SQLite lease; checks that the PostgreSQL connection, and so its lock, lives), to be
    /// called more often than the lease lasts (<see cref="JobOptions.LeaseTime"/>: every third of it).
    /// </summary>
    /// <returns>False when the role was lost (the lease expired and another took it, or the connection died): stop
    /// acting on it, and dispose this lease.</returns>
    Task<bool> RenewAsync(CancellationToken cancellationToken);
}

/// <summary>The roles processes take turns at.</summary>
public static class Leadership
{
    /// <summary>
    /// Places articles in stories (the <c>place</c> job): the story index lives in its holder's memory, rebuilt from the
    /// stored features when a process takes the role.
    /// </summary>
    public const string Clusterer = "clusterer";

    /// <summary>Enqueues each endpoint's poll when it is due: one process at a time, so a poll is planned once.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>Renews, expires and drops WebSub subscriptions: one process at a time, so a hub gets one request for each.</summary>
    public const string WebSubUpkeep = "websub-upkeep";
}

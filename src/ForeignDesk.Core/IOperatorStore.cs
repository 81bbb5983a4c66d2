namespace ForeignDesk.Core;

/// <summary>An operator of the admin area, as the store keeps it.</summary>
/// <param name="PasswordHash">The password's key-derivation hash (never the password).</param>
/// <param name="SessionStamp">Changes at every sign-out: a session cookie carrying another stamp is no longer valid.</param>
/// <param name="FailedSignIns">Wrong passwords since the last sign-in or lockout.</param>
/// <param name="LockedUntilUtc">Sign-in is refused until then, whatever the password; null when not locked.</param>
public sealed record OperatorAccount(
    long Id,
    string Name,
    string PasswordHash,
    string SessionStamp,
    int FailedSignIns,
    DateTimeOffset? LockedUntilUtc,
    DateTimeOffset? LastSignInUtc);

/// <summary>The operators of the admin area, their password hashes, failed sign-ins and lockouts.</summary>
public interface IOperatorStore
{
    /// <summary>Adds an operator; false when one with that name (case-insensitive) exists already.</summary>
    Task<bool> AddOperatorAsync(string name, string passwordHash, string sessionStamp, CancellationToken cancellationToken);

    /// <summary>The operator with that name (case-insensitive), or null.</summary>
    Task<OperatorAccount?> FindOperatorAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a wrong password; the <paramref name="lockAfter"/>-th in a row locks the account until
    /// <paramref name="lockedUntilUtc"/> and starts the count again. Returns the account as it is afterwards.
    /// </summary>
    Task<OperatorAccount?> RecordFailedSignInAsync(long operatorId, int lockAfter, DateTimeOffset lockedUntilUtc, CancellationToken cancellationToken);

    /// <summary>A successful sign-in: the failure count and lockout are cleared.</summary>
    Task RecordSignInAsync(long operatorId, DateTimeOffset atUtc, CancellationToken cancellationToken);

    /// <summary>Replaces the password hash (a rehash with current parameters).</summary>
    Task SetPasswordHashAsync(long operatorId, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Gives the operator a new session stamp, ending every session signed with the old one.</summary>
    Task SetSessionStampAsync(long operatorId, string sessionStamp, CancellationToken cancellationToken);
}

namespace ForeignDesk.Store;

/// <summary>
/// A job whose lease expired before its worker completed or failed it: the worker stopped while running it (killed,
/// or the job itself crashed the process). The next lease counts it as a failure, so a job that kills every worker
/// that runs it ends dead, with <see cref="ErrorSql"/> as its last error, instead of being leased again forever.
/// </summary>
internal static class ExpiredLease
{
    /// <summary>
    /// The last error of a job whose lease expired, as an SQL expression (the same on both engines) of its
    /// <c>expiries</c> column before this one: "lease expired 3 times: the worker stopped while running it".
    /// </summary>
    public const string ErrorSql =
        "'lease expired ' || CASE WHEN expiries = 0 THEN 'once' ELSE (expiries + 1) || ' times' END || ': the worker stopped while running it'";
}

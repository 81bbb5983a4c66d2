using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : IOperatorStore
{
    private const string OperatorColumns = "id, name, password_hash, session_stamp, failed_sign_ins, locked_until_ms, last_sign_in_ms";

    public async Task<bool> AddOperatorAsync(string name, string passwordHash, string sessionStamp, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            """
            INSERT INTO operators (name, password_hash, session_stamp, created_ms) VALUES ($name, $hash, $stamp, $now)
            ON CONFLICT(name) DO NOTHING
            """, ("$name", name), ("$hash", passwordHash), ("$stamp", sessionStamp), ("$now", Ms(_time.GetUtcNow())));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<OperatorAccount?> FindOperatorAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {OperatorColumns} FROM operators WHERE name = $name", ReadOperator, cancellationToken, ("$name", name)))
            .FirstOrDefault();

    public async Task<OperatorAccount?> RecordFailedSignInAsync(long operatorId, int lockAfter, DateTimeOffset lockedUntilUtc, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"""
            UPDATE operators SET
                locked_until_ms = CASE WHEN failed_sign_ins + 1 >= $after THEN $until ELSE locked_until_ms END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $after THEN 0 ELSE failed_sign_ins + 1 END
            WHERE id = $id RETURNING {OperatorColumns}
            """, ReadOperator, cancellationToken, ("$id", operatorId), ("$after", lockAfter), ("$until", Ms(lockedUntilUtc))))
            .FirstOrDefault();

    public async Task RecordSignInAsync(long operatorId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "UPDATE operators SET failed_sign_ins = 0, locked_until_ms = NULL, last_sign_in_ms = $at WHERE id = $id",
            cancellationToken, ("$id", operatorId), ("$at", Ms(atUtc)));
    }

    public async Task SetPasswordHashAsync(long operatorId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "UPDATE operators SET password_hash = $hash WHERE id = $id", cancellationToken, ("$id", operatorId), ("$hash", passwordHash));
    }

    public async Task SetSessionStampAsync(long operatorId, string sessionStamp, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "UPDATE operators SET session_stamp = $stamp WHERE id = $id", cancellationToken, ("$id", operatorId), ("$stamp", sessionStamp));
    }

    private static OperatorAccount ReadOperator(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), InstantOrNull(r, 5), InstantOrNull(r, 6));
}

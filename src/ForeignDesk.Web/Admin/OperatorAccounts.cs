using ForeignDesk.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Admin;

/// <summary>The outcome of a sign-in attempt.</summary>
internal enum SignInResult { SignedIn, Wrong, LockedOut }

/// <summary>Creates operators and checks their passwords, counting failures and locking accounts after too many.</summary>
public sealed class OperatorAccounts(IOperatorStore store, OperatorPasswords passwords, IOptions<AdminOptions> options, TimeProvider time)
{
    /// <summary>Adds an operator; returns null, or why it was refused (a bad name, a short password, a name taken).</summary>
    public async Task<string?> AddAsync(string name, string password, CancellationToken cancellationToken)
    {
        if (OperatorNames.Problem(name) is { } problem) return problem;
        if (password.Length < options.Value.MinPasswordLength) return $"the password needs at least {options.Value.MinPasswordLength} characters";
        return await store.AddOperatorAsync(name, passwords.Hash(password), OperatorPasswords.NewStamp(), cancellationToken)
            ? null
            : $"an operator named '{name}' exists already";
    }

    /// <summary>Checks a name and password; on success the account, with its session stamp.</summary>
    internal async Task<(SignInResult Result, OperatorAccount? Account)> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        var account = OperatorNames.Problem(name) is null ? await store.FindOperatorAsync(name, cancellationToken) : null;
        if (account is null)
        {
            passwords.VerifyDecoy(password);
            return (SignInResult.Wrong, null);
        }

        var now = time.GetUtcNow();
        if (account.LockedUntilUtc > now) return (SignInResult.LockedOut, null);
        var verified = passwords.Verify(account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var admin = options.Value;
            var after = await store.RecordFailedSignInAsync(account.Id, admin.LockoutAfterFailures, now + admin.LockoutDuration, cancellationToken);
            return (after?.LockedUntilUtc > now ? SignInResult.LockedOut : SignInResult.Wrong, null);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
            await store.SetPasswordHashAsync(account.Id, passwords.Hash(password), cancellationToken);
        await store.RecordSignInAsync(account.Id, now, cancellationToken);
        return (SignInResult.SignedIn, account);
    }
}

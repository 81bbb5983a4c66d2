using ForeignDesk.Core;
using Microsoft.AspNetCore.Identity;

namespace ForeignDesk.Web.Admin;

/// <summary>
/// Operators' passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: PBKDF2 with
/// HMAC-SHA512, a random salt per password and the iteration count of the framework's current format (hashes of an
/// older format are rehashed at the next sign-in).
/// </summary>
public sealed class OperatorPasswords
{
    private readonly PasswordHasher<OperatorAccount> _hasher = new();

    /// <summary>A hash of a password no one has, verified when the name is unknown so that it takes as long as a known one.</summary>
    private readonly string _decoy;

    public OperatorPasswords() => _decoy = Hash(Guid.NewGuid().ToString("N"));

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordVerificationResult Verify(string hash, string password) => _hasher.VerifyHashedPassword(null!, hash, password);

    /// <summary>Spends the time of one verification, for a name that has no account.</summary>
    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(null!, _decoy, password);

    /// <summary>A new random session stamp.</summary>
    public static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

using System.Security.Cryptography;
using System.Text;

namespace ForeignDesk.Ingest.WebSub;

/// <summary>Checks a pushed body's <c>X-Hub-Signature</c> (<c>sha1=</c>, <c>sha256=</c>, <c>sha384=</c> or <c>sha512=</c> HMAC of the body with the secret).</summary>
public static class WebSubSignature
{
    public static bool IsValid(string? header, byte[] body, string secret)
    {
        if (header is null || header.Split('=', 2) is not [var method, var hex]) return false;
        var key = Encoding.UTF8.GetBytes(secret);
        byte[] expected = method.Trim().ToLowerInvariant() switch
        {
            "sha1" => HMACSHA1.HashData(key, body),
            "sha256" => HMACSHA256.HashData(key, body),
            "sha384" => HMACSHA384.HashData(key, body),
            "sha512" => HMACSHA512.HashData(key, body),
            _ => [],
        };
        if (expected.Length == 0) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}

using System.Security.Cryptography;
using System.Text;

namespace ForeignDesk.Web.Api;

/// <summary>
/// Opaque page cursors: a position in a list (a publication-time key, a result page) bound to the list it came from
/// (its endpoint and filters), base64url-encoded. A cursor is good only for the list that made it: one from another
/// list, or altered, is refused.
/// </summary>
internal static class ApiCursor
{
    private const string Version = "1";

    public static string Encode(string list, string position) =>
        Base64Url(Encoding.UTF8.GetBytes($"{Version}|{Fingerprint(list)}|{position}"));

    /// <summary>The position a cursor holds; false when it is not one this list made.</summary>
    public static bool TryDecode(string? cursor, string list, out string position)
    {
        position = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 200) return false;
        string text;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            text = Encoding.UTF8.GetString(Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=')));
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = text.Split('|');
        if (parts.Length != 3 || parts[0] != Version || parts[1] != Fingerprint(list)) return false;
        position = parts[2];
        return true;
    }

    private static string Fingerprint(string list) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(list))[..9]);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>Values every store computes the same way before writing them: local dates, compressed pages, memory keys.</summary>
internal static class StoredValues
{
    /// <summary>The outlet-local date of an instant, which keys the day archive; UTC when the zone is unknown.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string zone) =>
        DateOnly.FromDateTime(TimeZones.Find(zone) is { } info ? TimeZoneInfo.ConvertTime(instant, info).DateTime : instant.UtcDateTime);

    /// <summary>
    /// Whether a stored article is saved again: its content changed, or it is read in another language than before (its
    /// source's languages changed, or detection now tells), so it is translated again. Its translation stays visible
    /// until the new version is translated.
    /// </summary>
    public static bool Changed(ArticleDraft draft, string storedHash, string storedLanguage, bool storedOtherLanguage) =>
        storedHash != draft.ContentHash || storedLanguage != draft.Language || storedOtherLanguage != draft.DetectedOtherLanguage;

    public static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(body);
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A translation memory unit's key: a SHA-256 of its scope and source text.</summary>
    public static string MemoryKey(MemoryScope scope, string source)
    {
        var text = string.Join('\u001f', scope.From, scope.To, scope.Engine, scope.Format.ToString(), scope.GlossaryVersion, source);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Story languages as one comma list (SQL's group of distinct values), sorted.</summary>
    public static IReadOnlyList<string> Languages(string commaList) => commaList.Split(',').Order(StringComparer.Ordinal).ToList();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Parses the date strings pages give (ISO 8601 mostly); keeps their offset, and says when they gave none (the clock
/// time is then kept at offset zero, see <see cref="PageTime"/>).
/// </summary>
internal static partial class DateValues
{
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PageTime? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > 64) return null;
        text = OffsetWithoutColon().Replace(text, "$1:$2");
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return epoch is > 631_152_000 and < 4_102_444_800 ? new PageTime(DateTimeOffset.FromUnixTimeSeconds(epoch), Zoned: true) : null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return null;
        }
        if (parsed < Earliest || parsed >= Latest) return null;
        // Read again keeping the kind: a value with "Z", "GMT" or an offset is not Unspecified.
        var zoned = !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var clock)
            || clock.Kind != DateTimeKind.Unspecified;
        return new PageTime(parsed, zoned);
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}

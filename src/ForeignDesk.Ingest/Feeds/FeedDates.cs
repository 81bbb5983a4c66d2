using System.Globalization;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>
/// Dates as feeds write them: RFC 822 (with or without weekday or seconds, two-digit years, named zones such as
/// CEST, "GMT+2", month names in several languages) and ISO 8601 / W3C-DTF. Results are UTC.
/// </summary>
internal static partial class FeedDates
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly Dictionary<string, double> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Z"] = 0, ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["WET"] = 0, ["WEST"] = 1, ["BST"] = 1,
        ["CET"] = 1, ["MET"] = 1, ["MEZ"] = 1, ["CEST"] = 2, ["MEST"] = 2, ["MESZ"] = 2,
        ["EET"] = 2, ["EEST"] = 3, ["MSK"] = 3, ["IST"] = 5.5, ["SGT"] = 8, ["HKT"] = 8, ["AWST"] = 8,
        ["JST"] = 9, ["KST"] = 9, ["ACST"] = 9.5, ["AEST"] = 10, ["AEDT"] = 11, ["NZST"] = 12, ["NZDT"] = 13,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6,
        ["PST"] = -8, ["PDT"] = -7, ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10, ["BRT"] = -3, ["ART"] = -3,
    };

    public static DateTimeOffset? Parse(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return ParseIso(text) ?? ParseRfc822(text) ?? ParseFallback(text);
    }

    private static DateTimeOffset? ParseIso(string text)
    {
        var m = Iso().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        return Build(
            Int(m, "y"), Int(m, "mo", 1), Int(m, "d", 1), Int(m, "h"), Int(m, "mi"), Int(m, "s"), ZoneOffset(m.Groups["z"].Value))
            ?.AddSeconds(fraction);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var tokens = Separators().Split(text.Replace("(", " ").Replace(")", " "))
            .Where(t => t.Length > 0)
            .SelectMany(t => DashedDate().IsMatch(t) ? t.Split('-') : [t])
            .ToList();
        int? day = null, month = null, year = null;
        int hour = 0, minute = 0, second = 0;
        var zone = "";
        var pm = (bool?)null;
        foreach (var token in tokens)
        {
            if (year is null && MonthOf(token) is { } named)
            {
                month = named;
            }
            else if (day is null && token.Length <= 2 && int.TryParse(token, out var d))
            {
                day = d;
            }
            else if (year is null && day is not null && token.Length is 2 or 4 && int.TryParse(token, out var y))
            {
                year = y < 100 ? (y < 50 ? 2000 + y : 1900 + y) : y;
            }
            else if (year is not null && Time().Match(token) is { Success: true } t)
            {
                hour = int.Parse(t.Groups["h"].Value, CultureInfo.InvariantCulture);
                minute = int.Parse(t.Groups["m"].Value, CultureInfo.InvariantCulture);
                second = t.Groups["s"].Success ? int.Parse(t.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                zone += t.Groups["z"].Value;
            }
            else if (token.Equals("AM", StringComparison.OrdinalIgnoreCase) || token.Equals("PM", StringComparison.OrdinalIgnoreCase))
            {
                pm = token.Equals("PM", StringComparison.OrdinalIgnoreCase);
            }
            else if (year is not null)
            {
                zone += token;
            }
        }

        if (day is null || month is null || year is null)
        {
            return null;
        }

        if (pm is { } isPm && hour <= 12)
        {
            hour = hour % 12 + (isPm ? 12 : 0);
        }

        return Build(year.Value, month.Value, day.Value, hour, minute, second, ZoneOffset(zone));
    }

    private static DateTimeOffset? ParseFallback(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value.ToUniversalTime()
            : null;

    private static TimeSpan ZoneOffset(string zone)
    {
        zone = zone.Trim().Replace('\u2212', '-');
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var m = NumericZone().Match(zone);
        if (m.Success)
        {
            var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (m.Groups["h"].Value.Length > 2)
            {
                (hours, minutes) = (hours / 100, hours % 100);
            }

            var offset = new TimeSpan(hours, minutes, 0);
            return m.Groups["sign"].Value == "-" ? -offset : offset;
        }

        return Zones.TryGetValue(zone, out var named) ? TimeSpan.FromHours(named) : TimeSpan.Zero;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 61 || offset.Duration() > TimeSpan.FromHours(14))
        {
            return null;
        }

        // Hour 24 and the offset can carry the instant past the last day .NET can hold (9999-12-31) or before the first.
        var ticks = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).Ticks
            + new TimeSpan(hour, minute, Math.Min(second, 59)).Ticks - offset.Ticks;
        return ticks >= 0 && ticks <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
    }

    private static int? MonthOf(string token)
    {
        var key = token.Trim('.').ToLowerInvariant();
        if (key.Length < 3 || !char.IsLetter(key[0]))
        {
            return null;
        }

        if (Months.TryGetValue(key, out var month) || (key.Length > 4 && Months.TryGetValue(key[..4], out month))
            || Months.TryGetValue(key[..3], out month))
        {
            return month;
        }

        return null;
    }

    private static int Int(Match m, string group, int fallback = 0) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : fallback;

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["jan", "gen", "ene", "janv", "янв", "sty"],
            ["feb", "fev", "fév", "févr", "фев", "lut"],
            ["mar", "mär", "mrz", "mrt", "mars", "мар", "mär"],
            ["apr", "abr", "avr", "апр", "kwi"],
            ["may", "mai", "mag", "mei", "мая", "май", "maj"],
            ["jun", "juin", "giu", "июн", "cze"],
            ["jul", "juil", "lug", "июл", "lip"],
            ["aug", "ago", "août", "aoû", "авг", "sie"],
            ["sep", "sept", "set", "сен", "wrz"],
            ["oct", "okt", "ott", "out", "окт", "paź"],
            ["nov", "ноя", "lis"],
            ["dec", "dez", "dic", "déc", "дек", "gru"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months.TryAdd(name, i + 1);
            }
        }

        return months;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:-?(?<mo>[0-9]{2})(?:-?(?<d>[0-9]{2}))?)?(?:(?:T|\s+)(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]+))?)?)?\s*(?<z>Z|UTC|GMT|[+\-\u2212][0-9]{1,2}(?::?[0-9]{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<h>[0-9]{1,2}):?(?<m>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.[0-9]+)?)?(?<z>Z|[+\-][0-9]{2}:?[0-9]{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"^(?:GMT|UTC|UT)?(?<sign>[+\-])(?<h>[0-9]{1,4})(?::(?<m>[0-9]{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"^[0-9]{1,2}-[^0-9\-]+-[0-9]{2,4}$")]
    private static partial Regex DashedDate();

    [GeneratedRegex(@"[\s,]+")]
    private static partial Regex Separators();
}

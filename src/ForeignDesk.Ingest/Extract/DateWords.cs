using System.Globalization;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Parses dates written in words in an article's byline or date line ("8. April 2022", "29 de noviembre de 2026 a las
/// 9:15", "il y a 3 heures", "28.11.2026 18:30", "10 марта 2026 г., 14:30", "2026年3月10日 14時30分") in German, Spanish,
/// French, Italian, Portuguese, English, Dutch, Polish, Russian, Ukrainian, Arabic (Arabic-Indic digits too), Japanese,
/// Chinese and Korean.
/// Pages rarely name a zone in such text: an absolute value is the clock time as written at offset zero, unzoned (see
/// <see cref="PageTime"/>; the extractor reads it in the page's zone). Relative values ("vor 2 Stunden") count back
/// from the time the page was fetched. Text that does not parse gives null.
/// </summary>
internal static partial class DateWords
{
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, int> Months = BuildMonths();

    /// <summary>Every word of the month names: a two-word name ("كانون الثاني") gives both.</summary>
    private static readonly HashSet<string> MonthWords = Months.Keys.SelectMany(name => name.Split(' ')).ToHashSet(StringComparer.Ordinal);

    private static readonly string MonthPattern = string.Join("|", Months.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));

    // "8. April 2022", "8 avril 2022", "29 de noviembre de 2026", "29 listopada 2026", "1er mai 2024", "8 apr. 2022",
    // "10 كانون الثاني/يناير 2026" and "10 تشرين الأول (أكتوبر) 2026" (Arabic pages often give a second name of the month)
    private static readonly Regex DayMonthYear = new(
        $@"(?<![0-9])(?<d>[0-9]{{1,2}})(?:\.|º|°|er|st|nd|rd|th)?\s*(?:de\s+)?(?<m>{MonthPattern})(?!\p{{L}})\.?(?:\s*/\s*(?:{MonthPattern})(?!\p{{L}})|\s*\(\s*(?:{MonthPattern})\s*\))?,?\s*(?:de\s+|del\s+)?(?<y>[0-9]{{4}})(?![0-9])",
        RegexOptions.CultureInvariant);

    // "April 8, 2022", "Nov. 29 2026"
    private static readonly Regex MonthDayYear = new(
        $@"(?<!\p{{L}})(?<m>{MonthPattern})\.?\s+(?<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?<y>[0-9]{{4}})(?![0-9])",
        RegexOptions.CultureInvariant);

    /// <summary>Reads the first date in <paramref name="text"/>; null when none is there. An absolute one is unzoned.</summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset fetchedAt) => Read(text, fetchedAt)?.Value;

    /// <summary>As <see cref="Parse"/>, saying whether the value is an instant (relative) or a clock time without zone.</summary>
    public static PageTime? Read(string? text, DateTimeOffset fetchedAt)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300) return null;
        var lower = WesternDigits(DomWalk.Collapse(text).ToLowerInvariant());
        if (Absolute(lower) is { } clock) return new PageTime(clock, Zoned: false);
        return Relative(lower, fetchedAt) is { } instant ? new PageTime(instant, Zoned: true) : null;
    }

    /// <summary>The text with Arabic-Indic and Persian digits ("١٠", "۱۰") written as 0 to 9.</summary>
    private static string WesternDigits(string text)
    {
        if (!text.Any(c => c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9')) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                    >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                    _ => c,
                };
            }
        });
    }

    /// <summary>Whether the lower-case word names a month, in full or short ("november", "nov", "listopada"), or is a word of a two-word name ("كانون").</summary>
    public static bool IsMonthWord(string word) => MonthWords.Contains(word);

    /// <summary>The text before and after an "updated" word ("Mis à jour le", "Aktualisiert am"), or null when it has none.</summary>
    public static (string Before, string After)? SplitAtUpdate(string text)
    {
        var match = UpdateWord().Match(text);
        return match.Success ? (text[..match.Index], text[match.Index..]) : null;
    }

    private static DateTimeOffset? Absolute(string text)
    {
        var match = DayMonthYear.Match(text);
        if (!match.Success) match = MonthDayYear.Match(text);
        if (!match.Success) match = YearMonthDay().Match(text);
        if (!match.Success) match = NumericDate().Match(text);
        if (!match.Success) return null;
        var (day, month) = match.Groups["m"].Success
            ? (int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture), MonthNumber(match.Groups["m"].Value))
            : DayAndMonth(match);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        if (year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;

        var (hour, minute) = TimeOf(text[(match.Index + match.Length)..], TimeAfter())
            ?? TimeOf(text[..match.Index], TimeAnywhere())
            ?? (0, 0);
        var value = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
        return value >= Earliest && value < Latest ? value : null;
    }

    private static int MonthNumber(string name) =>
        Months.TryGetValue(name, out var month) ? month : int.Parse(name, CultureInfo.InvariantCulture);

    /// <summary>
    /// Day and month of a numeric date: year first is ISO order (2026-11-28); otherwise the day comes first
    /// (28.11.2026, 28/11/2026) unless the second number cannot be a month (11/28/2026).
    /// </summary>
    private static (int Day, int Month) DayAndMonth(Match match)
    {
        if (match.Groups["iso"].Success)
            return (int.Parse(match.Groups["isoday"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["isomonth"].Value, CultureInfo.InvariantCulture));
        var first = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture);
        return second > 12 ? (second, first) : (first, second);
    }

    private static (int Hour, int Minute)? TimeOf(string text, Regex pattern)
    {
        var match = pattern.Match(text);
        if (!match.Success) return null;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ap"].Success)
        {
            if (hour is < 1 or > 12) return null;
            hour = hour % 12 + (match.Groups["ap"].Value == "p" ? 12 : 0);
        }
        else if (match.Groups["half"].Success)
        {
            // 午前/오전/上午 before noon, 午後/오후/下午 after; 0 and 12 o'clock are both written, read as in English:
            // 午前0時 and 午前12時 midnight, 午後0時 and 午後12時 noon.
            if (hour > 12) return null;
            hour = hour % 12 + (match.Groups["half"].Value is "午後" or "下午" or "오후" ? 12 : 0);
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? (hour, minute) : null;
    }

    private static DateTimeOffset? Relative(string text, DateTimeOffset fetchedAt)
    {
        var match = RelativeBefore().Match(text);
        if (!match.Success) match = RelativeAfter().Match(text);
        if (!match.Success) return null;
        var amount = int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var unit = match.Groups["u"].Value;
        TimeSpan span;
        if (unit.StartsWith("min", StringComparison.Ordinal)) span = TimeSpan.FromMinutes(amount);
        else if (unit[0] is 'h' or 's' or 'o') span = TimeSpan.FromHours(amount);
        else span = TimeSpan.FromDays(amount);
        if (span > TimeSpan.FromDays(60)) return null;
        var value = fetchedAt - span;
        return value >= Earliest && value < Latest ? value : null;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var names = new[]
        {
            // en, de, es, fr, it, pt, nl, pl (genitive), ru and uk (genitive), ar (Egyptian and Gulf names; the Levantine ones
            // follow), then short forms
            "january januar jänner enero janvier gennaio janeiro januari stycznia января січня يناير jan ene janv gen янв",
            "february februar febrero février fevrier febbraio fevereiro februari lutego февраля лютого فبراير feb fév févr fev fevr фев",
            "march märz maerz marzo mars março marco maart marca марта березня مارس mar mär mrz мар",
            "april abril avril aprile kwietnia апреля квітня أبريل ابريل apr abr avr апр",
            "may mai mayo maggio maio mei maja мая травня مايو mag",
            "june juni junio juin giugno junho czerwca июня червня يونيو يونيه jun jun giu",
            "july juli julio juillet luglio julho lipca июля липня يوليو يوليه jul juil lug",
            "august agosto août aout augustus sierpnia августа серпня أغسطس اغسطس aug ago aoû авг",
            "september septiembre setiembre septembre settembre setembro września wrzesnia сентября вересня سبتمبر sep sept set сен",
            "october oktober octubre octobre ottobre outubro października pazdziernika октября жовтня أكتوبر اكتوبر oct okt ott out окт",
            "november noviembre novembre novembro listopada ноября листопада نوفمبر nov ноя",
            "december dezember diciembre décembre decembre dicembre dezembro grudnia декабря грудня ديسمبر dec dez dic déc дек",
        };
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i].Split(' ', StringSplitOptions.RemoveEmptyEntries)) months[name] = i + 1;
        }
        foreach (var (name, month) in LevantineMonths()) months[name] = month;
        return months;
    }

    /// <summary>
    /// The Levantine (Syriac) month names, as Syria, Lebanon, Jordan, Palestine and Iraq write them: one word ("شباط",
    /// "آب", with and without hamza or madda) or two ("كانون الثاني", "تشرين الأول", with or without the article and hamza).
    /// </summary>
    private static IEnumerable<(string Name, int Month)> LevantineMonths()
    {
        (string Name, int Month)[] single =
        [
            ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5), ("ايار", 5), ("حزيران", 6), ("تموز", 7),
            ("آب", 8), ("اب", 8), ("أيلول", 9), ("ايلول", 9),
        ];
        string[] first = ["الأول", "الاول", "أول", "اول"];
        string[] second = ["الثاني", "ثاني"];
        var two =
            from pair in new[] { ("تشرين", first, 10), ("تشرين", second, 11), ("كانون", first, 12), ("كانون", second, 1) }
            from ordinal in pair.Item2
            select ($"{pair.Item1} {ordinal}", pair.Item3);
        return single.Concat(two);
    }

    // "28.11.2026", "28/11/2026", "2026-11-28", year first also "2026/11/28", "2026.11.28" and "2026. 11. 28." (Korean,
    // Japanese and Chinese pages); the year always written in full
    [GeneratedRegex(@"(?<![0-9./-])(?:(?<iso>(?<y>[0-9]{4})(?<sep>-|/|\.\s?)(?<isomonth>[0-9]{1,2})\k<sep>(?<isoday>[0-9]{1,2}))|(?<a>[0-9]{1,2})([./])(?<b>[0-9]{1,2})\1(?<y>[0-9]{4}))(?![0-9]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    // Japanese, Chinese and Korean: "2026年3月10日", "2026년 3월 10일" (the month a number, read as such)
    [GeneratedRegex(@"(?<![0-9])(?<y>[0-9]{4})\s*[年년]\s*(?<m>[0-9]{1,2})\s*[月월]\s*(?<d>[0-9]{1,2})\s*[日일]", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();

    // After the date: "um 9.15 Uhr", "a las 9:15", "à 09h15", "às 9h15", "alle 9:15", "at 9:15 am", ", 09:15", "в 14:30", "الساعة 14:30",
    // "14時30分", "14시 30분", "午後3時", "(火) 午前9時5分", "오후 3:30", "오전 12시", "下午3:30"
    [GeneratedRegex(@"^[\s,،\-–|/.]*(?:(?:um|à|a\s+las|a\s+la|às|as|alle|ore|at|om|o|godz\.?|kl\.?|в|о|г\.,?|года,?|року,?|р\.,?|الساعة|-)\s+)*(?:\([^)]{1,4}\)\s*)?(?:(?<half>午前|午後|上午|下午|오전|오후)\s*)?(?<h>[0-9]{1,2})(?:(?:[:h]|\.(?=[0-9]{2}\s*(?:uhr|h)\b))(?<min>[0-9]{2})(?![0-9])(?:\s*(?:uhr|h)\b|[分분])?|(?:[時时]|시)(?:\s?(?<min>[0-9]{1,2})\s*[分분]|(?<min>[0-9]{2})(?![0-9]))?)(?:\s*(?<ap>[ap])\.?m\b\.?)?", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAfter();

    // Before the date, only unambiguous shapes: "09:15", "9.15 Uhr", "9h15"
    [GeneratedRegex(@"(?<![0-9])(?<h>[0-9]{1,2})(?::|h|\.(?=[0-9]{2}\s*uhr\b))(?<min>[0-9]{2})(?![0-9])(?:\s*(?<ap>[ap])\.?m\b\.?)?", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAnywhere();

    // "hace 2 horas", "vor 2 Stunden", "vor einer Stunde", "há 3 horas", "il y a 3 heures"
    [GeneratedRegex(@"(?:(?<!\p{L})(?:hace|vor|há)|il\s+y\s+a)\s+(?:(?<n>[0-9]{1,3})|una?|une|uma?|einer|einem|eine?)\s+(?<u>minutos?|minuten?|minutes?|minuti|minuto|min|horas?|heures?|stunden?|ore|ora|hours?|días?|dias?|jours?|tagen?|giorni|giorno|days?)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeBefore();

    // "2 hours ago", "an hour ago", "3 ore fa"
    [GeneratedRegex(@"(?<!\p{L})(?:(?<n>[0-9]{1,3})|an?|un)\s+(?<u>minutes?|mins?|minuti|minuto|hours?|hrs?|ore|ora|days?|giorni|giorno)\s+(?:ago|fa)(?!\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeAfter();

    [GeneratedRegex(@"(?<!\p{L})(?:updated|last\s+updated|aktualisiert|actualizado|actualizada|actualización|mis\s+à\s+jour|mise\s+à\s+jour|modifié|aggiornato|aggiornamento|atualizado|atualização|bijgewerkt|zaktualizowano|aktualizacja)(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdateWord();
}

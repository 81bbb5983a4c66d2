using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// The zone a page's times written without an offset are read in, from what the page itself shows: the locale it
/// declares, when that names a country with a single time zone (de-DE, pl-PL, ja-JP; or a language whose outlets all
/// keep one civil time: pl, ja, de), and the offsets of its other times (a JSON-LD <c>dateModified</c> with
/// <c>+01:00</c> beside a <c>datePublished</c> without one). A zone from the locale is kept when the page's offsets
/// agree with it (summer time is then right on every date); an offset that disagrees, or one on a page whose locale
/// names no single zone, is used as it stands. A country with several zones (the United States, Spain with the Canary
/// Islands, Russia, Brazil) gives none: its times stay at UTC, marked <see cref="TimeZoneBasis.Unknown"/>. Offset zero
/// ("Z") is no evidence: many pages write every time in UTC.
/// </summary>
internal sealed class PageZone
{
    /// <summary>Countries (ISO 3166-1) with one time zone, by the IANA id of that zone.</summary>
    private static readonly Dictionary<string, string> CountryZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = "Europe/Vienna", ["BE"] = "Europe/Brussels", ["BG"] = "Europe/Sofia", ["BA"] = "Europe/Sarajevo", ["BY"] = "Europe/Minsk",
        ["CH"] = "Europe/Zurich", ["CY"] = "Asia/Nicosia", ["CZ"] = "Europe/Prague", ["DE"] = "Europe/Berlin", ["DK"] = "Europe/Copenhagen",
        ["EE"] = "Europe/Tallinn", ["FI"] = "Europe/Helsinki", ["FR"] = "Europe/Paris", ["GB"] = "Europe/London", ["GR"] = "Europe/Athens",
        ["HR"] = "Europe/Zagreb", ["HU"] = "Europe/Budapest", ["IE"] = "Europe/Dublin", ["IS"] = "Atlantic/Reykjavik", ["IT"] = "Europe/Rome",
        ["LI"] = "Europe/Vaduz", ["LT"] = "Europe/Vilnius", ["LU"] = "Europe/Luxembourg", ["LV"] = "Europe/Riga", ["MD"] = "Europe/Chisinau",
        ["ME"] = "Europe/Podgorica", ["MK"] = "Europe/Skopje", ["MT"] = "Europe/Malta", ["NL"] = "Europe/Amsterdam", ["NO"] = "Europe/Oslo",
        ["PL"] = "Europe/Warsaw", ["RO"] = "Europe/Bucharest", ["RS"] = "Europe/Belgrade", ["SE"] = "Europe/Stockholm", ["SI"] = "Europe/Ljubljana",
        ["SK"] = "Europe/Bratislava", ["TR"] = "Europe/Istanbul", ["UA"] = "Europe/Kiev", ["AL"] = "Europe/Tirane", ["GE"] = "Asia/Tbilisi",
        ["AM"] = "Asia/Yerevan", ["IL"] = "Asia/Jerusalem", ["IR"] = "Asia/Tehran", ["IQ"] = "Asia/Baghdad", ["JO"] = "Asia/Amman",
        ["LB"] = "Asia/Beirut", ["SY"] = "Asia/Damascus", ["SA"] = "Asia/Riyadh", ["AE"] = "Asia/Dubai", ["QA"] = "Asia/Qatar",
        ["KW"] = "Asia/Kuwait", ["BH"] = "Asia/Bahrain", ["OM"] = "Asia/Muscat", ["YE"] = "Asia/Aden", ["EG"] = "Africa/Cairo",
        ["MA"] = "Africa/Casablanca", ["DZ"] = "Africa/Algiers", ["TN"] = "Africa/Tunis", ["LY"] = "Africa/Tripoli", ["SD"] = "Africa/Khartoum",
        ["NG"] = "Africa/Lagos", ["KE"] = "Africa/Nairobi", ["ZA"] = "Africa/Johannesburg", ["SN"] = "Africa/Dakar", ["CI"] = "Africa/Abidjan",
        ["JP"] = "Asia/Tokyo", ["KR"] = "Asia/Seoul", ["CN"] = "Asia/Shanghai", ["TW"] = "Asia/Taipei", ["HK"] = "Asia/Hong_Kong",
        ["SG"] = "Asia/Singapore", ["PH"] = "Asia/Manila", ["TH"] = "Asia/Bangkok", ["VN"] = "Asia/Ho_Chi_Minh", ["IN"] = "Asia/Kolkata",
        ["PK"] = "Asia/Karachi", ["BD"] = "Asia/Dhaka", ["LK"] = "Asia/Colombo", ["NP"] = "Asia/Kathmandu",
        ["CO"] = "America/Bogota", ["PE"] = "America/Lima", ["VE"] = "America/Caracas", ["UY"] = "America/Montevideo", ["PY"] = "America/Asuncion",
        ["BO"] = "America/La_Paz", ["CU"] = "America/Havana", ["DO"] = "America/Santo_Domingo", ["GT"] = "America/Guatemala",
        ["CR"] = "America/Costa_Rica", ["PA"] = "America/Panama", ["SV"] = "America/El_Salvador", ["HN"] = "America/Tegucigalpa",
        ["NI"] = "America/Managua", ["PR"] = "America/Puerto_Rico",
    };

    /// <summary>
    /// Languages whose outlets all keep one civil time, whichever country they are in (German in Germany, Austria and
    /// Switzerland; Italian in Italy and Switzerland; Chinese at UTC+8), by a zone that keeps it. A language spoken
    /// across zones (English, Spanish, French, Portuguese, Arabic, Russian, Dutch with the Caribbean) has none.
    /// </summary>
    private static readonly Dictionary<string, string> LanguageZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "Europe/Berlin", ["it"] = "Europe/Rome", ["pl"] = "Europe/Warsaw", ["cs"] = "Europe/Prague", ["sk"] = "Europe/Bratislava",
        ["hu"] = "Europe/Budapest", ["sl"] = "Europe/Ljubljana", ["hr"] = "Europe/Zagreb", ["bs"] = "Europe/Sarajevo", ["sr"] = "Europe/Belgrade",
        ["mk"] = "Europe/Skopje", ["sq"] = "Europe/Tirane", ["bg"] = "Europe/Sofia", ["el"] = "Europe/Athens", ["lt"] = "Europe/Vilnius",
        ["lv"] = "Europe/Riga", ["et"] = "Europe/Tallinn", ["fi"] = "Europe/Helsinki", ["da"] = "Europe/Copenhagen", ["nb"] = "Europe/Oslo",
        ["nn"] = "Europe/Oslo", ["no"] = "Europe/Oslo", ["is"] = "Atlantic/Reykjavik", ["tr"] = "Europe/Istanbul", ["uk"] = "Europe/Kiev",
        ["he"] = "Asia/Jerusalem", ["ka"] = "Asia/Tbilisi", ["hy"] = "Asia/Yerevan", ["ja"] = "Asia/Tokyo", ["ko"] = "Asia/Seoul",
        ["zh"] = "Asia/Shanghai", ["th"] = "Asia/Bangkok", ["vi"] = "Asia/Ho_Chi_Minh",
    };

    private readonly TimeZoneInfo? zone;
    private readonly TimeSpan? offset;

    private PageZone(TimeZoneInfo? zone, TimeSpan? offset) => (this.zone, this.offset) = (zone, offset);

    /// <summary>
    /// The page's zone from its locales (in order of trust: those whose language is the page's come first; the first
    /// naming a country decides) and the times it wrote with an offset.
    /// </summary>
    public static PageZone Of(string? language, IEnumerable<string?> locales, IEnumerable<PageTime> times)
    {
        var localeZone = TimeZones.Find(LocaleZoneId(language, locales));
        var instants = times.Where(t => t.Zoned && t.Value.Offset != TimeSpan.Zero).Select(t => t.Value).ToList();
        if (instants.Count == 0) return new PageZone(localeZone, null);
        if (localeZone is not null && instants.All(i => localeZone.GetUtcOffset(i) == i.Offset)) return new PageZone(localeZone, null);
        return new PageZone(null, instants[0].Offset);
    }

    /// <summary>The zone id the page's locales name; null when none names a single-zone country or language.</summary>
    internal static string? LocaleZoneId(string? language, IEnumerable<string?> locales)
    {
        var parsed = locales.Select(Parse).Where(l => l.Language is not null).ToList();
        // A locale in another language than the page's (a CMS default "en_US" on a German page) says nothing of it.
        var trusted = parsed.Where(l => language is null || l.Language == language).ToList();
        if (trusted.FirstOrDefault(l => l.Country is not null) is { Country: { } country })
            return CountryZones.GetValueOrDefault(country);
        var primary = language ?? trusted.FirstOrDefault().Language;
        return primary is null ? null : LanguageZones.GetValueOrDefault(primary);
    }

    /// <summary>The clock time of an unzoned value read in the page's zone, and where its offset came from (null stays null).</summary>
    public (DateTimeOffset? Value, TimeZoneBasis Basis) Read(PageTime? value)
    {
        if (value is not { } time || time.Zoned) return (value?.Value, TimeZoneBasis.Written);
        if (zone is not null) return (TimeZones.ReadClock(time.Value.DateTime, zone), TimeZoneBasis.Page);
        if (offset is { } fixedOffset) return (new DateTimeOffset(time.Value.DateTime, fixedOffset), TimeZoneBasis.Page);
        return (time.Value, TimeZoneBasis.Unknown);
    }

    /// <summary>Language and country of a locale ("de-DE", "de_AT", "ja", "zh-Hant-TW"), lower- and upper-case; nulls where absent.</summary>
    private static (string? Language, string? Country) Parse(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return (null, null);
        var parts = locale.Trim().Split('-', '_');
        var language = MetadataReader.NormalizeLanguage(parts[0]);
        var country = parts.Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter))?.ToUpperInvariant();
        return (language, country);
    }
}

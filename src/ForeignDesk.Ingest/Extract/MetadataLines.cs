using System.Globalization;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Extract;

/// <summary>What a line about the article (not of it) says: who it is by and when it was published, either may be null.</summary>
internal sealed record LineFacts(string? Byline, PageTime? Published);

/// <summary>
/// Recognizes the short lines pages print about an article rather than in it: byline lines ("Par Claire Dubois",
/// "Von Hans Müller", "Autor: Jan Nowak"), date lines ("28. November 2026, 18:30 Uhr", "Publié le 28/11/2026"),
/// "updated at" and reading-time lines ("Lesezeit: 4 Minuten", "3 min de lecture"), place-and-date lines
/// ("Berlin, 28.11.2026") and their combinations ("Miguel Ángel Sanz · 28/11/2026 18:30"), and the dateline that
/// opens a wire story ("MADRID, 28 nov (EFE) -"). A line is split at separators (·, |, •, dashes, " / "); it is a
/// metadata line when every part is a byline, a date, a reading time, an agency in parentheses, or a name or place
/// beside a date. A name without a byline word counts as the byline only beside a date and only with two words or
/// more; a single word or a word before a comma and a date is a place, never a byline.
/// </summary>
internal static partial class MetadataLines
{
    /// <summary>Longer lines are the article's text.</summary>
    public const int MaxLength = 160;

    private const int MaxDateWords = 10;

    /// <summary>Lower-case words date lines are written with, besides numbers and months: prepositions, labels, weekdays, units, zones.</summary>
    private static readonly HashSet<string> DateLabels = new(StringComparer.Ordinal)
    {
        // prepositions and articles
        "on", "at", "am", "um", "uhr", "le", "la", "las", "los", "lo", "à", "a", "de", "del", "el", "en", "em", "às", "as", "o", "op", "om", "il", "alle", "ore",
        "dnia", "godz", "kl", "h", "hs", "hrs", "y", "e", "et", "und", "and", "i", "в", "о", "у", "saat",
        "г", "года", "року", "р", "في", "الساعة", "نشر", "بتاريخ", "تاريخ", "النشر", "تحديث", "آخر", "التحديث",
        // published and updated
        "published", "updated", "posted", "modified", "last", "publié", "publiée", "mis", "mise", "jour", "modifié", "publicado", "publicada",
        "actualizado", "actualizada", "publicat", "actualitzat", "actualizat", "pubblicato", "aggiornato", "atualizado", "atualizada",
        "gepubliceerd", "bijgewerkt", "opublikowano", "zaktualizowano", "veröffentlicht", "aktualisiert", "geändert", "stand", "erstellt",
        "опубликовано", "обновлено", "опубліковано", "оновлено", "yayınlanma", "güncelleme", "tarihi", "publikováno", "aktualizováno",
        // relative dates and their units
        "ago", "hace", "vor", "há", "fa", "hour", "hours", "hora", "horas", "stunde", "stunden", "heure", "heures", "minute", "minutes",
        "minuten", "minuto", "minutos", "minuti", "ora", "day", "days", "día", "días", "tag", "tage", "tagen", "jour", "jours", "giorni", "dia", "dias",
        "einer", "einem", "un", "une", "una", "uma", "an",
        // weekdays written in lower case
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
        "domingo", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "segunda-feira", "terça-feira", "quarta-feira",
        "quinta-feira", "sexta-feira", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "poniedziałek",
        "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
        "الجمعة", "السبت",
        // times of day and zones
        "pm", "a.m", "p.m", "午前", "午後", "上午", "下午", "오전", "오후", "cet", "cest", "gmt", "utc", "mez", "mesz", "est", "edt", "pst", "pdt", "bst",
    };

    /// <summary>The byline and date the line gives, or null when it is not a metadata line.</summary>
    public static LineFacts? Read(string text, DateTimeOffset fetchedAt)
    {
        var collapsed = DomWalk.Collapse(text).Trim();
        var line = collapsed.Trim(' ', '-', '–', '—', '|', '·', '•', ':');
        if (line.Length is 0 or > MaxLength) return null;
        if (WholeDateline(line, endsInDash: line.Length < collapsed.Length && collapsed[^1] is '-' or '–' or '—' or ':', fetchedAt) is { } dateline) return dateline;

        string? prefixed = null, unprefixed = null, agency = null;
        PageTime? published = null;
        var hasDate = false;
        foreach (var part in Separators().Split(line).Select(p => p.Trim(' ', ',', ';')).Where(p => p.Length > 0))
        {
            if (BylineWords.Read(part, prefixed: true) is { } byline && BylineWords.EndsNames(byline.After))
            {
                prefixed ??= byline.Names;
                if (DateWords.Read(byline.After, fetchedAt) is { } date) (published, hasDate) = (published ?? date, true);
                continue;
            }
            if (TimeOnly().Match(part) is { Success: true } time)
            {
                // A time beside the date ("28.11.2026 - 18:30"): part of the date line (though no date alone), and the
                // time of a date that gave none.
                if (published is { Zoned: false } date && date.Value.TimeOfDay == TimeSpan.Zero
                    && int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture) is var hour and < 24
                    && int.Parse(time.Groups["min"].Value, CultureInfo.InvariantCulture) is var minute and < 60)
                    published = date with { Value = date.Value + new TimeSpan(hour, minute, 0) };
                continue;
            }
            if (ReadingTime().IsMatch(part))
            {
                hasDate = true;
                continue;
            }
            if (IsDate(part, fetchedAt, out var value, out var isUpdate))
            {
                hasDate = true;
                if (!isUpdate) published ??= value;
                if (NameBeforeDate(part) is { } name) unprefixed ??= name;
                continue;
            }
            if (Agency().Match(part) is { Success: true } wire)
            {
                agency ??= wire.Groups["name"].Value.Trim();
                continue;
            }
            if (BylineWords.Read(part) is { After.Length: 0 } plain)
            {
                if (plain.Names.Contains(' ', StringComparison.Ordinal) && !IsCapitals(plain.Names)) unprefixed ??= plain.Names;
                continue;
            }
            return null;
        }
        if (prefixed is null && !hasDate) return null;
        return new LineFacts(prefixed ?? unprefixed ?? agency, published);
    }

    /// <summary>
    /// The agency named by the wire dateline opening the paragraph's text ("MADRID, 28 nov (EFE).- ", "Berlin (dpa) - ");
    /// null when the paragraph does not open with one.
    /// </summary>
    public static string? DatelineAgency(string paragraph)
    {
        var match = WireDateline().Match(paragraph);
        return match.Success && match.Length < paragraph.Length ? match.Groups["agency"].Value.Trim() : null;
    }

    /// <summary>
    /// A line that is a wire dateline and nothing else ("BERLIN (dpa)", "Berlin (dpa) –", "MADRID, 28 nov. 2026 (EFE)"):
    /// its agency and date. The place must be written in capitals, or a date or a closing dash be beside it: "Angela
    /// Merkel (CDU)" alone is a name and a party, not a dateline.
    /// </summary>
    private static LineFacts? WholeDateline(string line, bool endsInDash, DateTimeOffset fetchedAt)
    {
        var match = WireDateline().Match(line);
        if (!match.Success || match.Length != line.Length) return null;
        var date = match.Groups["date"] is { Success: true } written ? DateWords.Read(written.Value, fetchedAt) : null;
        if (!endsInDash && date is null && !IsCapitals(match.Groups["place"].Value)) return null;
        return new LineFacts(match.Groups["agency"].Value.Trim(), date);
    }

    /// <summary>
    /// Whether the part holds a date and little else (a label, a weekday, a place or a name beside it), and whether
    /// that date is an update ("Aktualisiert am …").
    /// </summary>
    private static bool IsDate(string part, DateTimeOffset fetchedAt, out PageTime? value, out bool isUpdate)
    {
        value = null;
        isUpdate = false;
        if (part.Length > 80 || !OnlyDateWords(part)) return false;
        value = DateWords.Read(part, fetchedAt);
        if (value is null) return false;
        isUpdate = DateWords.SplitAtUpdate(part) is { Before.Length: < 3 };
        return true;
    }

    /// <summary>
    /// Whether every word of the part is a number, a month, a capitalized word (a label, a name, a place) or one of
    /// the small words date lines are written with ("am", "le", "a las", "ago", "Uhr"): a sentence has other words.
    /// </summary>
    private static bool OnlyDateWords(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxDateWords) return false;
        var capitalized = 0;
        foreach (var raw in words)
        {
            var word = raw.Trim(',', '.', ':', ';', '(', ')', '[', ']', '"', '«', '»');
            if (word.Length == 0 || word.Any(char.IsDigit)) continue;
            if (char.IsUpper(word[0]))
            {
                if (++capitalized > 5) return false;
                continue;
            }
            var lower = word.ToLowerInvariant();
            if (!DateWords.IsMonthWord(lower) && !DateLabels.Contains(lower)) return false;
        }
        return true;
    }

    /// <summary>A person's name written before the date with a separator other than a comma ("Ana López 28/11/2026"); a word before a comma is a place.</summary>
    private static string? NameBeforeDate(string part)
    {
        if (BylineWords.Read(part) is not { } read || !read.Names.Contains(' ', StringComparison.Ordinal) || IsCapitals(read.Names)) return null;
        var head = part[..Math.Max(0, part.Length - read.After.Length)].TrimEnd();
        return read.After.Length > 0 && char.IsDigit(read.After[0]) && !head.EndsWith(',') ? read.Names : null;
    }

    /// <summary>All capitals ("MADRID", "SÃO PAULO"): how datelines write places.</summary>
    private static bool IsCapitals(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    [GeneratedRegex(@"\s*(?:[·|•\u2014\u2013]|\s[-/]\s)\s*")]
    private static partial Regex Separators();

    // "18:30", "18.30 Uhr", "18h30", "à 18h30", "a las 18:30", "14時30分"
    [GeneratedRegex(@"^(?:um|à|a\s+las|às|alle|ore|at|om|o|godz\.?|в|о)?\s*(?<h>[0-9]{1,2})(?:[:h.]|[時时]|시\s?)(?<min>[0-9]{2})(?:\s*(?:uhr|h)|[分분])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOnly();

    [GeneratedRegex(@"^\((?<name>[^()]{2,40})\)$")]
    private static partial Regex Agency();

    // "5 min read", "4 Min. Lesezeit", "3 minutos de lectura", "Lesezeit: 4 Minuten", "Temps de lecture : 3 min"
    [GeneratedRegex(@"^(?:(?:ca\.?\s*)?[0-9]{1,3}\s*(?:min(?:ute)?s?|minuten?|minutos?|minuti|minut[ay]?|мин(?:ут[аы]?)?|хв(?:илин[аи]?)?|dk|dakika|分钟?|분)\.?\s*(?:read|reading|(?:de\s+)?lectura|(?:de\s+)?leitura|(?:di\s+)?lettura|(?:de\s+)?lecture|lesezeit|lesedauer|leestijd|czytania|чтения|читання|okuma|läsning|lesing|læsning|阅读|읽기)?|(?:reading\s+time|read\s+time|lesezeit|lesedauer|temps\s+de\s+lecture|tiempo\s+de\s+lectura|temps\s+de\s+lectura|tempo\s+de\s+leitura|tempo\s+di\s+lettura|leestijd|czas\s+czytania|время\s+чтения|час\s+читання|okuma\s+süresi|lästid|lesetid|læsetid|timp\s+de\s+citire)\s*:?\s*(?:ca\.?\s*)?[0-9]{1,3}\s*\p{L}*\.?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingTime();

    // A place (capitalized words), an optional date, the agency in parentheses and a dash or colon (or the end of the line).
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}\p{M}.'’]*(?:[ -](?:(?:de|del|da|do|am|an|la|le|el|sur|upon)\s)?\p{Lu}[\p{L}\p{M}.'’]*){0,3})(?:,\s*(?<date>[^()]{1,30}?))?\s*\((?<agency>[^()]{2,40})\)(?:\s*(?:\.?[-–—:]+|\.-)\s*|\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ForeignDesk.Core;

/// <summary>What kind of fact a translation lost.</summary>
public enum CheckKind { Number, Percentage, Amount, Date, Time, Url, Email, GlossaryName }

/// <summary>A name or term of the operator's glossary and how a translation must render it (the term itself when kept as it is).</summary>
public sealed record GlossaryName(string Term, string Rendering);

/// <summary>The checks a paragraph's translation failed (<paramref name="Paragraph"/> counts from 0).</summary>
public sealed record ParagraphCheck(int Paragraph, IReadOnlyList<CheckFailure> Failures);

/// <summary>A fact of the source paragraph that its translation does not carry, as the outlet wrote it.</summary>
public sealed record CheckFailure(CheckKind Kind, string Source)
{
    /// <summary>What the translation should have carried, where the source does not say it: a glossary name's rendering.</summary>
    public string? Expected { get; init; }

    /// <summary>"the number “1.250.000”", for a reader.</summary>
    public string Describe() => Kind switch
    {
        CheckKind.Number => $"the number “{Source}”",
        CheckKind.Percentage => $"the percentage “{Source}”",
        CheckKind.Amount => $"the amount “{Source}”",
        CheckKind.Date => $"the date “{Source}”",
        CheckKind.Time => $"the time “{Source}”",
        CheckKind.Url => $"the address “{Source}”",
        CheckKind.GlossaryName => Expected is null || Expected == Source ? $"the name “{Source}”" : $"the name “{Source}” (“{Expected}”)",
        _ => $"the e-mail address “{Source}”",
    };
}

/// <summary>
/// Compares a source paragraph with its English translation: numbers (in the source language's notation: "1.250.000",
/// "25,7 %", "3,5 Mio."), percentages, amounts with their currency, dates, web and e-mail addresses must all come
/// through. The source is read strictly in its own language's notation; the translation is read as English, and a
/// number that is not valid English notation (an engine that left "25,7" as it was) in the source's, so a number
/// copied unchanged passes unless an English reader would read it as another value ("1.250" is 1.25 in English).
/// Scale words ("Mio.", "millions", "million") multiply, so "3,5 Mio." needs 3.5 million, not 3.5 billion.
/// </summary>
public static partial class TranslationChecks
{
    /// <summary>The checks of each paragraph pair, only those that failed; none when the counts differ.</summary>
    /// <param name="glossary">The operator's glossary names that apply to the article (its language and source).</param>
    public static IReadOnlyList<ParagraphCheck> Paragraphs(IReadOnlyList<Paragraph> original, IReadOnlyList<Paragraph> translation, string language,
        IReadOnlyList<GlossaryName>? glossary = null)
    {
        if (original.Count != translation.Count) return [];
        var names = glossary is { Count: > 0 } ? new GlossaryCheck(glossary) : null;
        var failed = new List<ParagraphCheck>();
        for (var i = 0; i < original.Count; i++)
        {
            var failures = Check(original[i].Text, translation[i].Text, language);
            if (names?.Missing(original[i].Text, translation[i].Text) is { Count: > 0 } lost) failures = [.. failures, .. lost];
            if (failures.Count > 0) failed.Add(new ParagraphCheck(i, failures));
        }
        return failed;
    }

    /// <summary>The facts of <paramref name="source"/> (written in <paramref name="language"/>) missing from <paramref name="english"/>.</summary>
    public static IReadOnlyList<CheckFailure> Check(string source, string english, string language)
    {
        var lang = Primary(language);
        var failures = new List<CheckFailure>();
        var sourceText = Digits(source);
        var englishText = Digits(english);

        foreach (Match url in UrlPattern().Matches(sourceText))
        {
            var value = url.Value.TrimEnd('.', ',', ';', ':', ')', '»', '”', '"', '\'');
            if (!englishText.Contains(value, StringComparison.OrdinalIgnoreCase)) failures.Add(new(CheckKind.Url, value));
        }
        foreach (Match email in EmailPattern().Matches(sourceText))
            if (!englishText.Contains(email.Value, StringComparison.OrdinalIgnoreCase)) failures.Add(new(CheckKind.Email, email.Value));
        // Addresses are checked whole; their digits are not numbers of the text.
        sourceText = EmailPattern().Replace(UrlPattern().Replace(sourceText, " "), " ");
        englishText = EmailPattern().Replace(UrlPattern().Replace(englishText, " "), " ");

        // A date or time of the source is checked whole and its digits are not read again as numbers; in the
        // translation they stay numbers too, for a source that wrote the same date in words no rule here reads.
        var sourceDates = Dates(sourceText, lang, out sourceText);
        var englishDates = Dates(englishText, lang, out _);
        foreach (var date in sourceDates)
            if (!englishDates.Any(d => d.Matches(date.Value))) failures.Add(new(CheckKind.Date, date.Text));
        var sourceTimes = Times(sourceText, english: false, out sourceText);
        var englishTimes = Times(englishText, english: true, out _);
        foreach (var (written, minutes) in sourceTimes)
            if (!englishTimes.Any(t => t.Minutes == minutes)) failures.Add(new(CheckKind.Time, written));

        var found = Numbers(englishText, lang, english: true);
        foreach (var number in Numbers(sourceText, lang, english: false))
        {
            var kind = number.Currency is not null ? CheckKind.Amount : number.Percent ? CheckKind.Percentage : CheckKind.Number;
            if (!found.Any(f => f.Carries(number)) && !(kind == CheckKind.Number && SpelledOut(number.Value, english)))
                failures.Add(new(kind, number.Text));
        }
        return failures;
    }

    private static string Primary(string language)
    {
        var dash = language.IndexOfAny(['-', '_']);
        return (dash > 0 ? language[..dash] : language).ToLowerInvariant();
    }

    /// <summary>Digits of other scripts (Arabic-Indic, Persian, full-width, Devanagari...) as ASCII digits, Arabic number marks as points and commas.</summary>
    private static string Digits(string text)
    {
        StringBuilder? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u066B' or '\u066C')
            {
                // The Arabic decimal and thousands marks, as the notation of ar and fa reads them.
                copy ??= new StringBuilder(text);
                copy[i] = c == '\u066B' ? '.' : ',';
                continue;
            }
            if (c is >= '0' and <= '9' || !char.IsDigit(c)) continue;
            copy ??= new StringBuilder(text);
            copy[i] = (char)('0' + (int)char.GetNumericValue(c));
        }
        return copy?.ToString() ?? text;
    }

    // ----- numbers -----

    /// <summary>A number as written, its value after any scale word, and what follows it.</summary>
    private sealed record Number(string Text, decimal Value, decimal Mantissa, bool Scaled, bool Percent, string? Currency)
    {
        /// <summary>True when this (a number of the translation) carries <paramref name="source"/>.</summary>
        public bool Carries(Number source)
        {
            // A scale word read in the source must be carried; an unread one ("3,5 lakh") leaves the digits to compare.
            var valueMatches = source.Scaled ? Value == source.Value : Mantissa == source.Mantissa || Value == source.Value;
            if (!valueMatches) return false;
            if (source.Percent && !Percent) return false;
            return source.Currency is null || Currency == source.Currency;
        }
    }

    private static List<Number> Numbers(string text, string lang, bool english)
    {
        var numbers = new List<Number>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            var written = m.Groups["n"].Value;
            decimal? value = english
                ? ParseIn(written, decimalComma: false) ?? ParseIn(written, decimalComma: NumberNotation.WritesDecimalComma(lang))
                : ParseIn(written, decimalComma: NumberNotation.WritesDecimalComma(lang));
            if (value is null) continue;
            var after = text.Substring(m.Index + m.Length, Math.Min(40, text.Length - m.Index - m.Length));
            var before = text[Math.Max(0, m.Index - 20)..m.Index];
            var scale = Scale(after, lang, english, out var afterScale);
            var percent = PercentAfter().IsMatch(afterScale) || PercentWords(afterScale, lang, english);
            var currency = CurrencyNear(before, afterScale);
            var scaled = scale is not null;
            numbers.Add(new Number(written + (scaled ? after[..(after.Length - afterScale.Length)].TrimEnd() : "") + (percent ? " %" : "") + (currency is null ? "" : $" ({currency})"),
                value.Value * (scale ?? 1), value.Value, scaled, percent, currency));
        }
        return numbers;
    }

    /// <summary>
    /// Reads <paramref name="written"/> with a decimal comma (groups of three by points, spaces or apostrophes) or a
    /// decimal point (groups of three by commas, spaces or apostrophes); null when it is not valid in that notation.
    /// </summary>
    private static decimal? ParseIn(string written, bool decimalComma)
    {
        var decimalMark = decimalComma ? ',' : '.';
        var groupMarks = decimalComma ? ". \u00A0\u202F'’" : ", \u00A0\u202F'’";
        var point = written.LastIndexOf(decimalMark);
        var whole = point >= 0 ? written[..point] : written;
        var fraction = point >= 0 ? written[(point + 1)..] : "";
        if (fraction.Any(c => !char.IsAsciiDigit(c))) return null;
        // Groups: the first of 1-3 digits, then exactly three, all split by one kind of mark.
        var parts = whole.Split(groupMarks.ToCharArray());
        if (parts.Length > 1)
        {
            var marks = whole.Where(c => !char.IsAsciiDigit(c)).Distinct().Count();
            if (marks != 1 || parts[0].Length is 0 or > 3 || parts.Skip(1).Any(p => p.Length != 3)) return null;
        }
        if (parts.Any(p => p.Length == 0 || p.Any(c => !char.IsAsciiDigit(c)))) return null;
        // "1.250" with a decimal point is 1.25; with a decimal comma the point groups: 1250. A lone mark followed by
        // exactly three digits is read by the notation, which is the point of the check.
        return decimal.TryParse(string.Concat(parts) + (fraction.Length > 0 ? "." + fraction : ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;
    }

    private static readonly Dictionary<string, decimal> EnglishScales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000m, ["k"] = 1_000m, ["million"] = 1_000_000m, ["millions"] = 1_000_000m, ["m"] = 1_000_000m, ["mn"] = 1_000_000m, ["mln"] = 1_000_000m,
        ["billion"] = 1_000_000_000m, ["billions"] = 1_000_000_000m, ["bn"] = 1_000_000_000m, ["b"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m, ["tn"] = 1_000_000_000_000m,
    };

    /// <summary>Scale words per language (abbreviations without their point); a "billion" of Europe is a thousand million.</summary>
    private static readonly Dictionary<string, Dictionary<string, decimal>> SourceScales = new(StringComparer.Ordinal)
    {
        ["de"] = Scales(("tsd", 3), ("tausend", 3), ("mio", 6), ("million", 6), ("millionen", 6), ("mrd", 9), ("milliarde", 9), ("milliarden", 9), ("bio", 12), ("billion", 12), ("billionen", 12)),
        ["fr"] = Scales(("mille", 3), ("million", 6), ("millions", 6), ("md", 9), ("mds", 9), ("mrd", 9), ("milliard", 9), ("milliards", 9), ("billion", 12), ("billions", 12)),
        ["es"] = Scales(("mil", 3), ("millón", 6), ("millones", 6), ("mill", 6), ("mln", 6), ("billón", 12), ("billones", 12)),
        ["ca"] = Scales(("mil", 3), ("milió", 6), ("milions", 6), ("miliard", 9), ("miliards", 9), ("bilió", 12), ("bilions", 12)),
        ["it"] = Scales(("mila", 3), ("mln", 6), ("milione", 6), ("milioni", 6), ("mld", 9), ("mrd", 9), ("miliardo", 9), ("miliardi", 9)),
        ["pt"] = Scales(("mil", 3), ("milhão", 6), ("milhões", 6), ("mi", 6), ("bilhão", 9), ("bilhões", 9), ("bi", 9)),
        ["nl"] = Scales(("duizend", 3), ("mln", 6), ("miljoen", 6), ("mld", 9), ("miljard", 9), ("miljarden", 9)),
        ["pl"] = Scales(("tys", 3), ("mln", 6), ("milion", 6), ("miliony", 6), ("milionów", 6), ("mld", 9), ("miliard", 9), ("miliardy", 9), ("miliardów", 9)),
        ["ro"] = Scales(("mii", 3), ("mil", 6), ("milion", 6), ("milioane", 6), ("mld", 9), ("miliard", 9), ("miliarde", 9)),
        ["ru"] = Scales(("тыс", 3), ("млн", 6), ("миллион", 6), ("миллиона", 6), ("миллионов", 6), ("млрд", 9), ("миллиард", 9), ("миллиарда", 9), ("миллиардов", 9)),
        ["uk"] = Scales(("тис", 3), ("млн", 6), ("мільйон", 6), ("мільйони", 6), ("мільйонів", 6), ("млрд", 9), ("мільярд", 9), ("мільярди", 9), ("мільярдів", 9)),
        ["tr"] = Scales(("bin", 3), ("milyon", 6), ("mn", 6), ("milyar", 9), ("mr", 9)),
        ["zh"] = Scales(("千", 3), ("万", 4), ("萬", 4), ("亿", 8), ("億", 8), ("兆", 12)),
        ["ja"] = Scales(("千", 3), ("万", 4), ("億", 8), ("兆", 12)),
        ["ko"] = Scales(("천", 3), ("만", 4), ("억", 8), ("조", 12)),
    };

    private static Dictionary<string, decimal> Scales(params (string Word, int Zeros)[] words) =>
        words.ToDictionary(w => w.Word, w => (decimal)Math.Pow(10, w.Zeros), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The multiplier of the scale words right after a number (two at most: "mil millones", "thousand million"), and the
    /// text after them; null when none follows.
    /// </summary>
    private static decimal? Scale(string after, string lang, bool english, out string rest)
    {
        rest = after;
        decimal? scale = null;
        for (var words = 0; words < 2 && ScaleWord(rest, lang, english, out var length) is { } one; words++)
        {
            scale = (scale ?? 1) * one;
            rest = rest[length..];
            if (rest.StartsWith('.')) rest = rest[1..];
        }
        return scale;
    }

    private static decimal? ScaleWord(string text, string lang, bool english, out int length)
    {
        length = 0;
        var m = WordAfter().Match(text);
        if (!m.Success) return null;
        var word = m.Groups["w"].Value;
        var known = SourceScales.GetValueOrDefault(lang);
        // Chinese, Japanese and Korean write the scale as one character before the rest ("1.5亿元").
        if (lang is "zh" or "ja" or "ko" && known is not null && !known.ContainsKey(word) && known.ContainsKey(word[..1]))
            word = word[..1];
        length = m.Groups["w"].Index + word.Length;
        if (english && EnglishScales.TryGetValue(word, out var e)) return e;
        // A translation may keep the source's word ("3,5 Mio."), which means there what it meant in the source.
        return known is not null && known.TryGetValue(word, out var s) ? s : null;
    }

    private static readonly Dictionary<string, string[]> PercentWordsOf = new(StringComparer.Ordinal)
    {
        ["en"] = ["percent", "per cent", "pct", "percentage points"],
        ["de"] = ["prozent", "prozentpunkte"], ["fr"] = ["pour cent", "pourcent"], ["es"] = ["por ciento"], ["ca"] = ["per cent"],
        ["it"] = ["per cento"], ["pt"] = ["por cento"], ["nl"] = ["procent"], ["pl"] = ["procent", "proc"], ["ro"] = ["la sută"],
        ["ru"] = ["процент", "процента", "процентов"], ["uk"] = ["відсоток", "відсотки", "відсотків"], ["tr"] = ["yüzde"],
    };

    private static bool PercentWords(string after, string lang, bool english)
    {
        var head = after.TrimStart();
        bool StartsWithAny(string key) => PercentWordsOf.TryGetValue(key, out var words) && words.Any(w => head.StartsWith(w, StringComparison.OrdinalIgnoreCase));
        return (english && StartsWithAny("en")) || StartsWithAny(lang);
    }

    /// <summary>Currency symbols and words, each with the ISO code it means.</summary>
    private static readonly (string Name, string Code)[] Currencies = new (string Name, string Code)[]
    {
        ("€", "EUR"), ("eur", "EUR"), ("euro", "EUR"), ("euros", "EUR"), ("евро", "EUR"), ("євро", "EUR"),
        ("$", "USD"), ("us$", "USD"), ("usd", "USD"), ("dollar", "USD"), ("dollars", "USD"), ("dólares", "USD"), ("dólar", "USD"), ("dollari", "USD"), ("dolarów", "USD"), ("долларов", "USD"), ("доларів", "USD"), ("dolar", "USD"),
        ("£", "GBP"), ("gbp", "GBP"), ("pound", "GBP"), ("pounds", "GBP"), ("libras", "GBP"), ("livres", "GBP"), ("pfund", "GBP"), ("sterlina", "GBP"), ("sterline", "GBP"),
        ("¥", "JPY"), ("jpy", "JPY"), ("yen", "JPY"), ("円", "JPY"),
        ("chf", "CHF"), ("franken", "CHF"), ("₽", "RUB"), ("rub", "RUB"), ("руб", "RUB"), ("рублей", "RUB"), ("rubles", "RUB"), ("roubles", "RUB"),
        ("₴", "UAH"), ("uah", "UAH"), ("грн", "UAH"), ("hryvnias", "UAH"), ("₺", "TRY"), ("tl", "TRY"), ("lira", "TRY"), ("liras", "TRY"),
        ("zł", "PLN"), ("pln", "PLN"), ("złotych", "PLN"), ("zloty", "PLN"), ("lei", "RON"), ("ron", "RON"),
        ("r$", "BRL"), ("brl", "BRL"), ("reais", "BRL"), ("reals", "BRL"), ("₹", "INR"), ("inr", "INR"), ("rupees", "INR"), ("yuan", "CNY"), ("cny", "CNY"), ("元", "CNY"),
    }.OrderByDescending(c => c.Name.Length).ToArray(); // "R$" before "$"

    /// <summary>The currency written right before or right after a number, as its code.</summary>
    private static string? CurrencyNear(string before, string after)
    {
        var tail = before.TrimEnd();
        var head = after.TrimStart();
        foreach (var (name, code) in Currencies)
        {
            var symbol = !char.IsLetter(name[^1]);
            if (head.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (symbol || head.Length == name.Length || !char.IsLetter(head[name.Length])))
                return code;
            if (tail.EndsWith(name, StringComparison.OrdinalIgnoreCase) && (symbol || tail.Length == name.Length || !char.IsLetter(tail[^(name.Length + 1)])))
                return code;
        }
        return null;
    }

    private static readonly string[] SmallNumbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>A small whole number an engine wrote as an English word ("2" as "two").</summary>
    private static bool SpelledOut(decimal value, string english) =>
        value is >= 0 and <= 12 && value == decimal.Truncate(value)
        && Regex.IsMatch(english, $@"\b{SmallNumbers[(int)value]}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // ----- times -----

    /// <summary>
    /// Times of day: "15:00", "15h30" in the source; in English also "3 p.m.", "3:30pm", "7.55am". Read as minutes
    /// after midnight; the text comes back with the source's times blanked out.
    /// </summary>
    private static List<(string Text, int Minutes)> Times(string text, bool english, out string rest)
    {
        var times = new List<(string, int)>();
        var blanked = new StringBuilder(text);
        foreach (Match m in (english ? EnglishTime() : SourceTime()).Matches(text))
        {
            var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (m.Groups["ap"].Success)
            {
                if (hour is < 1 or > 12) continue;
                var pm = char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour > 24 || minute > 59) continue;
            times.Add((m.Value.Trim(), hour % 24 * 60 + minute));
            if (!english) for (var i = m.Index; i < m.Index + m.Length; i++) blanked[i] = ' ';
        }
        rest = blanked.ToString();
        return times;
    }

    // ----- dates -----

    /// <summary>A date as day, month and (where written) year.</summary>
    private readonly record struct DateValue(int Day, int Month, int? Year)
    {
        public bool Matches(DateValue source) => Day == source.Day && Month == source.Month && (source.Year is null || Year == source.Year);
    }

    private sealed record WrittenDate(string Text, DateValue Value, DateValue? Swapped)
    {
        public bool Matches(DateValue source) => Value.Matches(source) || Swapped?.Matches(source) == true;
    }

    private static readonly string[] EnglishMonths =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Month names (and their genitive and short forms) per language, January first.</summary>
    private static readonly Dictionary<string, string[][]> MonthsOf = new(StringComparer.Ordinal)
    {
        ["de"] = Months("januar|jänner|jan", "februar|feber|feb", "märz|mär", "april|apr", "mai", "juni|jun", "juli|jul", "august|aug", "september|sept|sep", "oktober|okt", "november|nov", "dezember|dez"),
        ["fr"] = Months("janvier|janv", "février|févr", "mars", "avril|avr", "mai", "juin", "juillet|juil", "août", "septembre|sept", "octobre|oct", "novembre|nov", "décembre|déc"),
        ["es"] = Months("enero|ene", "febrero|feb", "marzo|mar", "abril|abr", "mayo|may", "junio|jun", "julio|jul", "agosto|ago", "septiembre|setiembre|sept|sep", "octubre|oct", "noviembre|nov", "diciembre|dic"),
        ["ca"] = Months("gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre", "octubre", "novembre", "desembre"),
        ["it"] = Months("gennaio|gen", "febbraio|feb", "marzo|mar", "aprile|apr", "maggio|mag", "giugno|giu", "luglio|lug", "agosto|ago", "settembre|set", "ottobre|ott", "novembre|nov", "dicembre|dic"),
        ["pt"] = Months("janeiro|jan", "fevereiro|fev", "março|mar", "abril|abr", "maio|mai", "junho|jun", "julho|jul", "agosto|ago", "setembro|set", "outubro|out", "novembro|nov", "dezembro|dez"),
        ["nl"] = Months("januari|jan", "februari|feb", "maart|mrt", "april|apr", "mei", "juni|jun", "juli|jul", "augustus|aug", "september|sep", "oktober|okt", "november|nov", "december|dec"),
        ["ro"] = Months("ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"),
        ["pl"] = Months("stycznia|styczeń", "lutego|luty", "marca|marzec", "kwietnia|kwiecień", "maja|maj", "czerwca|czerwiec", "lipca|lipiec", "sierpnia|sierpień", "września|wrzesień", "października|październik", "listopada|listopad", "grudnia|grudzień"),
        ["ru"] = Months("января|январь", "февраля|февраль", "марта|март", "апреля|апрель", "мая|май", "июня|июнь", "июля|июль", "августа|август", "сентября|сентябрь", "октября|октябрь", "ноября|ноябрь", "декабря|декабрь"),
        ["uk"] = Months("січня|січень", "лютого|лютий", "березня|березень", "квітня|квітень", "травня|травень", "червня|червень", "липня|липень", "серпня|серпень", "вересня|вересень", "жовтня|жовтень", "листопада|листопад", "грудня|грудень"),
        ["tr"] = Months("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"),
    };

    private static string[][] Months(params string[] months) => months.Select(m => m.Split('|')).ToArray();

    /// <summary>
    /// The dates written in <paramref name="text"/> (numeric: 28.11.2026, 28/11/2026, 2026-11-28; with a month name in
    /// English or <paramref name="lang"/>: "28. November 2026", "28 de noviembre", "November 28, 2026"), and the text
    /// with them blanked out, so that their parts are not read again as numbers.
    /// </summary>
    private static List<WrittenDate> Dates(string text, string lang, out string rest)
    {
        var dates = new List<WrittenDate>();
        var blanked = new StringBuilder(text);
        void Take(Match m, DateValue value, DateValue? swapped)
        {
            dates.Add(new WrittenDate(m.Value.Trim(), value, swapped));
            for (var i = m.Index; i < m.Index + m.Length; i++) blanked[i] = ' ';
        }

        foreach (Match m in IsoDate().Matches(text))
            if (Valid(int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)) is { } iso)
                Take(m, iso, null);
        foreach (Match m in NumericDate().Matches(blanked.ToString()))
        {
            int a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture), b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            var year = FullYear(m.Groups["y"].Value);
            // Day first, as everywhere but in American English; either reading is accepted in a translation.
            if (Valid(a, b, year) is { } dayFirst) Take(m, dayFirst, Valid(b, a, year));
            else if (Valid(b, a, year) is { } monthFirst) Take(m, monthFirst, null);
        }

        var (monthByName, dayMonth, monthDay) = MonthPatterns.GetOrAdd(lang, MonthPatternsOf);
        foreach (var pattern in new[] { dayMonth, monthDay })
            foreach (Match m in pattern.Matches(blanked.ToString()))
            {
                var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
                if (Valid(int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), monthByName[m.Groups["m"].Value], year) is { } named)
                    Take(m, named, null);
            }
        rest = blanked.ToString();
        return dates;
    }

    /// <summary>Month names of English and each source language, and the two date patterns built from them, made once per language.</summary>
    private static readonly ConcurrentDictionary<string, (Dictionary<string, int> Months, Regex DayMonth, Regex MonthDay)> MonthPatterns = new(StringComparer.Ordinal);

    private static (Dictionary<string, int>, Regex, Regex) MonthPatternsOf(string lang)
    {
            var names = new List<(string Name, int Month)>();
            names.AddRange(EnglishMonths.Select((n, i) => (n, i + 1)));
            names.AddRange(EnglishMonths.Select((n, i) => (n[..3], i + 1)));
            if (MonthsOf.TryGetValue(lang, out var months))
                for (var i = 0; i < 12; i++) names.AddRange(months[i].Select(n => (n, i + 1)));
            var monthByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, month) in names) monthByName.TryAdd(name, month);
            var alternatives = string.Join("|", monthByName.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
            var dayMonth = new Regex($@"(?<![\p{{L}}\d])(?<d>[0-3]?\d)(?:\.|er|º|°|st|nd|rd|th)?\s*(?:de\s+|di\s+|d'|d’)?(?<m>{alternatives})\.?(?![\p{{L}}])(?:,?\s*(?:de\s+|del\s+)?(?<y>\d{{4}}))?",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            var monthDay = new Regex($@"(?<![\p{{L}}])(?<m>{alternatives})\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s*(?<y>\d{{4}}))?",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return (monthByName, dayMonth, monthDay);
    }

    private static int? FullYear(string written) =>
        written.Length == 0 ? null : written.Length == 2 ? 2000 + int.Parse(written, CultureInfo.InvariantCulture) : int.Parse(written, CultureInfo.InvariantCulture);

    private static DateValue? Valid(int day, int month, int? year) =>
        month is >= 1 and <= 12 && day >= 1 && day <= (year is { } y and >= 1 and <= 9999 ? DateTime.DaysInMonth(y, month) : DateTime.DaysInMonth(2024, month))
            ? new DateValue(day, month, year) : null;

    // ----- patterns -----

    [GeneratedRegex(@"(?<![\d.,:])(?<h>[01]?\d|2[0-4])(?::|h)(?<m>[0-5]\d)(?![\d.,:]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SourceTime();

    [GeneratedRegex(@"(?<![\d.,:])(?<h>[01]?\d|2[0-4])(?:(?:[:.])(?<m>[0-5]\d))?\s?(?<ap>[ap]\.?m\b\.?)|(?<![\d.,:])(?<h>[01]?\d|2[0-4]):(?<m>[0-5]\d)(?![\d.,:]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishTime();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""«»“”]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\d\w-])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d.,/])(?<a>[0-3]?\d)(?<s>[./])(?<b>[0-3]?\d)\k<s>(?<y>\d{4}|\d{2})(?![\d]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>
    /// A number: digits in groups of three split by one kind of mark (points, commas, spaces, apostrophes), or plain
    /// digits, with an optional decimal part; not part of a longer number or the end of a cased word ("G7"), while
    /// Chinese, Japanese and Arabic letters may touch it.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{Lu}\p{Ll}\d.,])(?<n>\d{1,3}(?:[., \u00A0\u202F'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\s?(?<w>\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex WordAfter();

    [GeneratedRegex(@"^\s*(%|٪|％|‰)", RegexOptions.CultureInvariant)]
    private static partial Regex PercentAfter();
}

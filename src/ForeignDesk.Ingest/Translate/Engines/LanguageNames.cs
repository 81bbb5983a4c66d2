using System.Globalization;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>English names and ISO 639-3 codes of the languages news outlets most often publish in.</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, (string Name, string Code3)> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = ("Arabic", "ara"), ["bg"] = ("Bulgarian", "bul"), ["bs"] = ("Bosnian", "bos"), ["ca"] = ("Catalan", "cat"),
        ["cs"] = ("Czech", "ces"), ["da"] = ("Danish", "dan"), ["de"] = ("German", "deu"), ["el"] = ("Greek", "ell"),
        ["en"] = ("English", "eng"), ["eo"] = ("Esperanto", "epo"), ["es"] = ("Spanish", "spa"), ["et"] = ("Estonian", "est"),
        ["eu"] = ("Basque", "eus"), ["fa"] = ("Persian", "fas"), ["fi"] = ("Finnish", "fin"), ["fr"] = ("French", "fra"),
        ["gl"] = ("Galician", "glg"), ["he"] = ("Hebrew", "heb"), ["hi"] = ("Hindi", "hin"), ["hr"] = ("Croatian", "hrv"),
        ["hu"] = ("Hungarian", "hun"), ["id"] = ("Indonesian", "ind"), ["is"] = ("Icelandic", "isl"), ["it"] = ("Italian", "ita"),
        ["ja"] = ("Japanese", "jpn"), ["ko"] = ("Korean", "kor"), ["lt"] = ("Lithuanian", "lit"), ["lv"] = ("Latvian", "lav"),
        ["mk"] = ("Macedonian", "mkd"), ["nb"] = ("Norwegian Bokmål", "nob"), ["nl"] = ("Dutch", "nld"), ["oc"] = ("Occitan", "oci"),
        ["pl"] = ("Polish", "pol"), ["pt"] = ("Portuguese", "por"), ["ro"] = ("Romanian", "ron"), ["ru"] = ("Russian", "rus"),
        ["sk"] = ("Slovak", "slk"), ["sl"] = ("Slovenian", "slv"), ["sr"] = ("Serbian", "srp"), ["sv"] = ("Swedish", "swe"),
        ["th"] = ("Thai", "tha"), ["tr"] = ("Turkish", "tur"), ["uk"] = ("Ukrainian", "ukr"), ["vi"] = ("Vietnamese", "vie"),
        ["zh"] = ("Chinese", "zho"),
    };

    /// <summary>Every language in the table, by ISO 639-1 code.</summary>
    public static IReadOnlyCollection<string> Codes => Table.Keys;

    public static string Name(string code)
    {
        if (Table.TryGetValue(code, out var entry)) return entry.Name;
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>The ISO 639-3 code Apertium pairs are named with, or the code itself when unknown.</summary>
    public static string Code3(string code) => Table.TryGetValue(code, out var entry) ? entry.Code3 : code;
}

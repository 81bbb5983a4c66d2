namespace ForeignDesk.Discover.Clusters;

/// <summary>Function words of the news languages, folded (lower case, no diacritics), that carry no topic.</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // English
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are", "was",
        "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "his", "her", "their", "has",
        "have", "had", "not", "but", "will", "would", "can", "could", "after", "before", "over", "into", "about", "more",
        "than", "new", "says", "said", "also", "who", "which", "what", "when", "where", "there", "some", "other", "all",
        "according", "while", "during", "since", "we", "our", "you", "your", "him", "them", "one", "two", "three", "first",
        "last", "up", "out", "no", "if", "so", "do", "did", "does", "being", "such", "between", "under", "against", "most",
        "least", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "year", "years", "people", "time", "week", "day", "days", "told", "per", "cent", "percent", "mr", "mrs",
        // Spanish, Portuguese, Italian
        "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "de", "del", "al", "y", "e", "o", "u", "que", "en", "con",
        "por", "para", "se", "su", "sus", "es", "son", "fue", "ha", "han", "como", "mas", "pero", "sin", "sobre", "tras",
        "este", "esta", "estos", "esto", "ese", "esa", "entre", "hasta", "desde", "segun", "muy", "ya", "le", "les", "nos",
        "da", "do", "das", "dos", "os", "as", "em", "um", "uma", "il", "gli", "di", "della", "delle", "dei", "che", "per",
        "non", "sono", "ano", "anos", "dia", "dias",
        // French
        "des", "du", "et", "au", "aux", "ce", "cette", "ces", "qui", "dans", "pour", "par", "sur", "avec", "ne", "pas", "plus",
        "ont", "est", "sont", "ete", "apres", "avant", "selon", "lors", "leur", "leurs", "une", "ans", "jour", "jours", "mais",
        // German
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "von", "zu", "zum",
        "zur", "im", "mit", "auf", "fur", "ist", "sind", "war", "wurde", "wurden", "hat", "haben", "nach", "bei", "aus", "sich",
        "nicht", "auch", "als", "wie", "uber", "vor", "seit", "am", "an", "es", "er", "sie", "wir", "noch", "mehr", "jahr",
        "jahren", "laut", "nun", "bis", "durch", "gegen", "unter", "tag", "tage", "menschen",
    };

    public static bool Contains(string folded) => Words.Contains(folded);
}

namespace ForeignDesk.Core;

/// <summary>How a language writes numbers: the decimal mark, and so what its points and commas between digits mean.</summary>
public static class NumberNotation
{
    /// <summary>Languages that write "3,5" for three and a half and group thousands with points or spaces.</summary>
    private static readonly HashSet<string> DecimalComma = new(StringComparer.OrdinalIgnoreCase)
    {
        "es", "ca", "gl", "fr", "pt", "it", "ro", "oc", "eu", "hr", "bs", "sr", "is", "mk", "eo", "bg", "sl", "de",
        "nl", "pl", "cs", "sk", "ru", "uk", "be", "tr", "az", "kk", "da", "sv", "nb", "nn", "no", "fi", "et", "lv", "lt",
        "hu", "el", "id", "vi", "sq",
    };

    /// <summary>True when <paramref name="language"/> (a code such as "de" or "pt-BR") writes a decimal comma.</summary>
    public static bool WritesDecimalComma(string language) => DecimalComma.Contains(language.Split('-', '_')[0]);
}

using System.Globalization;
using System.Text;

namespace ForeignDesk.Discover.Categories;

/// <summary>Section names compared without case, accents or punctuation: "Economía &amp; Negocios" is "economia negocios".</summary>
internal static class SectionKey
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString().Replace("ß", "ss").Normalize(NormalizationForm.FormC);
    }

    public static string[] Words(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

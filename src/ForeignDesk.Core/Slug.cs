using System.Globalization;
using System.Text;

namespace ForeignDesk.Core;

/// <summary>URL-safe lower-case ASCII names for sources, categories and titles.</summary>
public static class Slug
{
    public static string From(string text, int maxLength = 80)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            if (builder.Length >= maxLength) break;
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "item" : slug;
    }
}

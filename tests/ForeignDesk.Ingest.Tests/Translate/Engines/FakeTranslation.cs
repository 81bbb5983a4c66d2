using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Tests.Translate.Engines;

/// <summary>The fake providers' "translation": text upper-cased, tags (when HTML) left exactly as they were.</summary>
internal static partial class FakeTranslation
{
    [GeneratedRegex(@"(<[^>]*>)")]
    private static partial Regex Tags();

    public static string Of(string text, bool html) =>
        html
            ? string.Concat(Tags().Split(text).Select(part => part.StartsWith('<') ? part : part.ToUpperInvariant()))
            : text.ToUpperInvariant();
}

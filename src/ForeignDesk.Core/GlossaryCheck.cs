using System.Text.RegularExpressions;

namespace ForeignDesk.Core;

/// <summary>
/// The glossary part of <see cref="TranslationChecks"/>: each glossary term in a source paragraph (whole words, as
/// written: the glossary's own matching) must appear in the translation as its rendering (whole words, in any case,
/// so a rendering that opens a sentence passes).
/// </summary>
internal sealed class GlossaryCheck
{
    private readonly Dictionary<string, string> renderings;
    private readonly Regex terms;

    public GlossaryCheck(IReadOnlyList<GlossaryName> names)
    {
        renderings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names) renderings.TryAdd(name.Term, name.Rendering);
        terms = new Regex(Alternatives(renderings.Keys), RegexOptions.CultureInvariant);
    }

    /// <summary>The glossary names of <paramref name="source"/> that <paramref name="english"/> does not render.</summary>
    public IReadOnlyList<CheckFailure> Missing(string source, string english)
    {
        List<CheckFailure>? missing = null;
        foreach (var term in terms.Matches(source).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            var rendering = renderings[term];
            if (Regex.IsMatch(english, Alternatives([rendering]), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) continue;
            (missing ??= []).Add(new CheckFailure(CheckKind.GlossaryName, term) { Expected = rendering });
        }
        return missing ?? (IReadOnlyList<CheckFailure>)[];
    }

    /// <summary>Any of <paramref name="words"/>, longest first, not inside a longer word.</summary>
    private static string Alternatives(IEnumerable<string> words) =>
        $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape))})(?![\p{{L}}\p{{N}}])";
}

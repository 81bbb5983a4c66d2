using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Applies a glossary around the engine it wraps: units holding a term are sent as HTML with the term (or its
/// forced rendering) protected, and come back in their own format with the protection removed.
/// </summary>
public sealed class GlossaryTranslationEngine(ITranslationEngine inner, GlossaryTerms terms) : ITranslationEngine
{
    public string Name => inner.Name;

    public string? RouteFor(string from, string to) => inner.RouteFor(from, to);

    public string? VersionFor(string from, string to) => inner.VersionFor(from, to);

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        if (terms.Count == 0) return await inner.TranslateAsync(request, cancellationToken);
        var protectedUnits = request.Segments.Select(s => terms.Protect(s, request.Format)).ToList();
        var touched = Enumerable.Range(0, protectedUnits.Count).Where(i => protectedUnits[i] is not null).ToList();
        if (touched.Count == 0) return await inner.TranslateAsync(request, cancellationToken);

        if (request.Format == SegmentFormat.Html)
        {
            var html = request.Segments.Select((s, i) => protectedUnits[i] ?? s).ToList();
            var result = await inner.TranslateAsync(request with { Segments = html }, cancellationToken);
            Expect(result, html.Count);
            return result with { Segments = result.Segments.Select(s => GlossaryTerms.Unprotect(s, SegmentFormat.Html)).ToList() };
        }

        // Text units with a term travel as HTML; the others stay plain text.
        var plain = Enumerable.Range(0, protectedUnits.Count).Where(i => protectedUnits[i] is null).ToList();
        var segments = new string[request.Segments.Count];
        var marked = await inner.TranslateAsync(request with { Segments = touched.Select(i => protectedUnits[i]!).ToList(), Format = SegmentFormat.Html }, cancellationToken);
        Expect(marked, touched.Count);
        for (var k = 0; k < touched.Count; k++) segments[touched[k]] = GlossaryTerms.Unprotect(marked.Segments[k], SegmentFormat.Text);
        var share = marked.UnknownWordShare;
        if (plain.Count > 0)
        {
            var rest = await inner.TranslateAsync(request with { Segments = plain.Select(i => request.Segments[i]).ToList() }, cancellationToken);
            Expect(rest, plain.Count);
            for (var k = 0; k < plain.Count; k++) segments[plain[k]] = rest.Segments[k];
            double a = touched.Sum(i => request.Segments[i].Length), b = plain.Sum(i => request.Segments[i].Length);
            share = a + b == 0 ? 0 : (marked.UnknownWordShare * a + rest.UnknownWordShare * b) / (a + b);
        }
        return marked with { Segments = segments, UnknownWordShare = share };
    }

    private static void Expect(TranslationResult result, int count)
    {
        if (result.Segments.Count != count)
            throw new TranslationException($"{result.Engine} returned {result.Segments.Count} segments for {count}.");
    }
}

namespace ForeignDesk.Bench.Translation;

/// <summary>How ForeignDesk did on one development set, next to plain <c>apertium -u</c> over the whole file.</summary>
/// <param name="Words">Whitespace-separated words of source text.</param>
/// <param name="IdenticalLines">Lines where ForeignDesk's output equals the plain run's, up to runs of spaces and spaces before punctuation.</param>
/// <param name="UntranslatedChrF">chrF2 of the source text itself against the reference: what showing the original scores.</param>
/// <param name="ChecksFailed">Lines of ForeignDesk's output that fail a translation check (a number, date, amount or address lost), by kind.</param>
/// <param name="ReferenceChecksFailed">The same checks on the human reference: lines flagged there are false alarms or free translations.</param>
public sealed record BenchmarkScore(
    string Pair,
    string Route,
    int Lines,
    double Bleu,
    double ChrF,
    TimeSpan Elapsed,
    double RawBleu,
    double RawChrF,
    TimeSpan RawElapsed,
    int IdenticalLines,
    int Words = 0,
    double UntranslatedChrF = 0,
    IReadOnlyDictionary<ForeignDesk.Core.CheckKind, int>? ChecksFailed = null,
    IReadOnlyDictionary<ForeignDesk.Core.CheckKind, int>? ReferenceChecksFailed = null)
{
    public double WordsPerSecond => Elapsed > TimeSpan.Zero ? Words / Elapsed.TotalSeconds : 0;

    public double RawWordsPerSecond => RawElapsed > TimeSpan.Zero ? Words / RawElapsed.TotalSeconds : 0;
}

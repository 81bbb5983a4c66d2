namespace ForeignDesk.Ingest.Translate;

/// <summary>How one engine did on one development set, next to plain <c>apertium -u</c> over the whole file.</summary>
/// <param name="IdenticalLines">Lines where the engine's output equals the plain run's.</param>
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
    int IdenticalLines);

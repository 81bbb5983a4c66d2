namespace ForeignDesk.Bench.Feeds;

public enum CorpusOutcome
{
    /// <summary>Every expectation ForeignDesk's model can answer is met.</summary>
    Passed,
    /// <summary>An expectation is not met, the file was wrongly rejected or accepted, or parsing crashed or hung.</summary>
    Failed,
    /// <summary>ForeignDesk represents the input differently from the peer that wrote the expectation, on purpose.</summary>
    Differs,
}

/// <summary>The result of checking one corpus file: its outcome and, unless it passed, why.</summary>
public sealed record CorpusVerdict(string File, CorpusOutcome Outcome, string? Reason)
{
    public static CorpusVerdict Pass(string file) => new(file, CorpusOutcome.Passed, null);

    public static CorpusVerdict Fail(string file, string reason) => new(file, CorpusOutcome.Failed, reason);

    public static CorpusVerdict Differ(string file, string reason) => new(file, CorpusOutcome.Differs, reason);
}

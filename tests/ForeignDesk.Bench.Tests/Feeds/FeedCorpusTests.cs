using ForeignDesk.Bench.Feeds;
using ForeignDesk.Tests.Shared;
using Xunit;

namespace ForeignDesk.Bench.Tests.Feeds;

public sealed class FeedCorpusTests
{
    private const string Missing = "(corpus not found)";
    private static readonly Lazy<FeedCorpus?> Corpus = new(() =>
        SharedFolder.Find("corpus/feeds", "expected.json") is { } folder ? FeedCorpus.Load(folder) : null);

    public static TheoryData<string> Files => new(Corpus.Value?.Files ?? [Missing]);

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_CorpusFile_MeetsExpectations(string file)
    {
        var corpus = Corpus.Value;
        if (corpus is null)
        {
            Assert.Skip(SharedFolder.SkipMessage("corpus/feeds"));
            return;
        }

        var verdict = corpus.Check(file);
        if (verdict.Outcome == CorpusOutcome.Differs)
        {
            Assert.Skip($"{file} differs on purpose: {verdict.Reason}");
        }

        Assert.True(verdict.Outcome == CorpusOutcome.Passed, $"{file}: {verdict.Reason}");
    }
}

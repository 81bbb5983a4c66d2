using ForeignDesk.Bench.Feeds;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench feeds [--corpus DIR]</c>: parses every file of the feed corpus and checks it against its expectations.
/// Prints each failure and each deliberate difference with its reason, then <c>files N passed N failed M differs K</c>.
/// </summary>
internal static class FeedsBench
{
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var corpus = FeedCorpus.Load(BenchCommand.CorpusFolder(context, Path.Combine("corpus", "feeds")));
        int passed = 0, failed = 0, differs = 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var checkedFiles = context.Progress.Start("files", corpus.Files.Count);
        foreach (var file in corpus.Files)
        {
            var verdict = await CheckAsync(corpus, file, cancellationToken);
            checkedFiles.Add();
            switch (verdict.Outcome)
            {
                case CorpusOutcome.Passed:
                    passed++;
                    break;
                case CorpusOutcome.Differs:
                    differs++;
                    Console.WriteLine($"differs {file}: {verdict.Reason}");
                    break;
                default:
                    failed++;
                    Console.WriteLine($"FAILED  {file}: {verdict.Reason}");
                    break;
            }
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"{corpus.Files.Count} files in {elapsed.TotalSeconds:0.0} s");
        BenchCommand.Summary(("files", corpus.Files.Count), ("seconds", elapsed.TotalSeconds), ("passed", passed), ("failed", failed), ("differs", differs));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One file on the thread pool, so that a crash or a hang is reported as that file's failure.</summary>
    private static async Task<CorpusVerdict> CheckAsync(FeedCorpus corpus, string file, CancellationToken cancellationToken)
    {
        var check = Task.Run(() => corpus.Check(file), cancellationToken);
        try
        {
            return await check.WaitAsync(PerFileLimit, cancellationToken);
        }
        catch (TimeoutException)
        {
            return CorpusVerdict.Fail(file, $"no answer within {PerFileLimit.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CorpusVerdict.Fail(file, $"crashed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}

using ForeignDesk.Bench;
using ForeignDesk.Fuzz;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>The fuzzing harness of <c>bench fuzz</c>: its targets on their seeds, and the reading of afl-fuzz's figures.</summary>
public sealed class FuzzBenchTests
{
    /// <summary>A <c>fuzzer_stats</c> file as afl-fuzz++ 4.04c wrote it for the query target (abridged).</summary>
    private const string FuzzerStats = """
        start_time        : 1796532838
        last_update       : 1796532858
        run_time          : 20
        fuzzer_pid        : 24827
        cycles_done       : 6
        execs_done        : 107706
        execs_per_sec     : 5383.42
        corpus_count      : 90
        corpus_found      : 89
        stability         : 100.00%
        bitmap_cvg        : 0.23%
        saved_crashes     : 2
        saved_hangs       : 1
        edges_found       : 150
        total_edges       : 65536
        afl_banner        : dotnet
        afl_version       : ++4.04c
        command_line      : afl-fuzz -i inst/Seeds/query -o f1 -t 5000 -m none -V 20 -- dotnet inst/ForeignDesk.Fuzz.dll query
        """;

    [Fact]
    public void AflStats_FuzzerStatsOfAflPlusPlus_ReadsTheFigures()
    {
        var stats = AflStats.Parse(FuzzerStats);

        Assert.Equal(new AflStats(20, 107706, 5383.42, 90, 150, 2, 1), stats);
    }

    [Fact]
    public void AflStats_ClassicAflNames_ReadsCorpusCrashesAndHangs()
    {
        var stats = AflStats.Parse("execs_done : 12\npaths_total : 3\nunique_crashes : 4\nunique_hangs : 5\n");

        Assert.Equal((12L, 3L, 4L, 5L), (stats.Execs, stats.Corpus, stats.Crashes, stats.Hangs));
    }

    [Fact]
    public void Targets_EachHasSeeds_AndEverySeedRunsWithoutThrowing()
    {
        var seeds = SeedsFolder();
        Assert.Equal(FuzzTargets.Names.Order(), Directory.GetDirectories(seeds).Select(Path.GetFileName).Order());
        foreach (var name in FuzzTargets.Names)
        {
            var files = Directory.GetFiles(Path.Combine(seeds, name));
            Assert.NotEmpty(files);
            foreach (var file in files)
                FuzzTargets.All[name](File.ReadAllBytes(file));
        }
    }

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ForeignDesk.Fuzz", "Seeds");
            if (Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException("src/ForeignDesk.Fuzz/Seeds not found above the test binaries");
    }
}

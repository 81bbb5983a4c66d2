using System.Globalization;

namespace ForeignDesk.Bench;

/// <summary>The figures of one afl-fuzz run, read from the <c>fuzzer_stats</c> file it keeps in its output folder.</summary>
internal sealed record AflStats(double Seconds, long Execs, double ExecsPerSecond, long Corpus, long Edges, long Crashes, long Hangs)
{
    /// <summary>Reads <c>name : value</c> lines; a figure the file lacks is 0 (AFL++ 4.x names, else AFL 2.x names).</summary>
    public static AflStats Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        double Number(params string[] names) =>
            names.Select(n => values.GetValueOrDefault(n)).FirstOrDefault(v => v is not null) is { } v
            && double.TryParse(v.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;

        return new AflStats(
            Number("run_time"),
            (long)Number("execs_done"),
            Number("execs_per_sec"),
            (long)Number("corpus_count", "paths_total"),
            (long)Number("edges_found"),
            (long)Number("saved_crashes", "unique_crashes"),
            (long)Number("saved_hangs", "unique_hangs"));
    }
}

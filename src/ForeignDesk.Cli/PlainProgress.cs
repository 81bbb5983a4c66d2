using System.Diagnostics;
using System.Globalization;
using ForeignDesk.Core;

namespace ForeignDesk.Cli;

/// <summary>
/// Progress as plain lines for a log or a pipe: "ingest: 40/120 sources (33%), 12.5/s" at most every
/// <see cref="Every"/>, and when each piece of work ends "ingest: 120/120 sources in 9.6 s (12.5/s)".
/// </summary>
internal sealed class PlainProgress(string label, TextWriter writer) : IWorkProgress
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly Lock _write = new();

    public IWorkCounter Start(string name, long? total = null) => new Counter(this, name, total);

    /// <summary>Writes "LABEL: TEXT" as one line, whole even when several counters write at once.</summary>
    private void Write(string text)
    {
        lock (_write) writer.WriteLine($"{label}: {text}");
    }

    private sealed class Counter(PlainProgress owner, string name, long? total) : IWorkCounter
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private long _done;
        private long _total = total ?? -1;
        private long _lastLine;

        public void Add(long count = 1)
        {
            var done = Interlocked.Add(ref _done, count);
            var now = _watch.ElapsedTicks;
            var last = Interlocked.Read(ref _lastLine);
            if (now - last < Every.TotalSeconds * Stopwatch.Frequency || Interlocked.CompareExchange(ref _lastLine, now, last) != last) return;
            var known = Interlocked.Read(ref _total);
            var share = known > 0 ? $" ({100.0 * done / known:0}%)" : "";
            owner.Write(string.Create(CultureInfo.InvariantCulture, $"{Count(done, known)} {name}{share}, {Rate(done):0.#}/s"));
        }

        public void SetTotal(long total) => Interlocked.Exchange(ref _total, total);

        public void Dispose()
        {
            var done = Interlocked.Read(ref _done);
            owner.Write(string.Create(CultureInfo.InvariantCulture,
                $"{Count(done, Interlocked.Read(ref _total))} {name} in {_watch.Elapsed.TotalSeconds:0.0} s ({Rate(done):0.#}/s)"));
        }

        private static string Count(long done, long total) => total >= 0 ? $"{done}/{total}" : $"{done}";

        private double Rate(long done) => done / Math.Max(_watch.Elapsed.TotalSeconds, 0.001);
    }
}

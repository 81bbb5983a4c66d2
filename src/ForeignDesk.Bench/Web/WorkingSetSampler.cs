using System.Diagnostics;

namespace ForeignDesk.Bench.Web;

/// <summary>The highest working set of this process seen while it lives, sampled every 100 ms.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public WorkingSetSampler()
    {
        Sample(null);
        _timer = new Timer(Sample, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    private void Sample(object? state)
    {
        using var process = Process.GetCurrentProcess();
        var now = process.WorkingSet64;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}

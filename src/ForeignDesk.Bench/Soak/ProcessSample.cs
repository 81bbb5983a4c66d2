using System.Globalization;

namespace ForeignDesk.Bench.Soak;

/// <summary>One reading of a process: resident memory, managed heap, open file descriptors and threads, at a time of the run.</summary>
internal sealed record ProcessSample(TimeSpan At, double RssMb, double HeapMb, int Fds, int Threads)
{
    /// <summary>
    /// Reads <c>/proc/PID</c> (Linux): <c>VmRSS</c> and <c>Threads</c> from <c>status</c>, the entries of <c>fd</c>.
    /// Null when the process is gone or <c>/proc</c> cannot be read.
    /// </summary>
    /// <param name="heapMb">The managed heap, which only the process itself can tell (it prints it).</param>
    public static ProcessSample? Read(int processId, TimeSpan at, double heapMb)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{processId}/status");
            var fds = Directory.GetFileSystemEntries($"/proc/{processId}/fd").Length;
            return new ProcessSample(at, Field(status, "VmRSS:") / 1024.0, heapMb, fds, (int)Field(status, "Threads:"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Field(string[] status, string name)
    {
        var line = status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) ?? throw new IOException($"no {name} in /proc status");
        return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

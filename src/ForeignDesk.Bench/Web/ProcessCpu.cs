using System.Globalization;

namespace ForeignDesk.Bench.Web;

/// <summary>
/// The CPU time (user and system) Linux has counted for a process, or for a process and its children: the site's own,
/// or a PostgreSQL server's postmaster and its backends. Read from <c>/proc/PID/stat</c>; null where there is none.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>The clock ticks per second <c>/proc</c> counts in (USER_HZ, 100 on every Linux build).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>
    /// The CPU time of <paramref name="pid"/>, and when asked of its children: the living ones', and the ended ones'
    /// that it waited for (a server's backends and workers come and go).
    /// </summary>
    public static TimeSpan? Of(int pid, bool withChildren)
    {
        if (Stat(pid) is not { } own) return null;
        var ticks = own.Ticks;
        if (withChildren)
        {
            ticks += own.EndedChildrenTicks;
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
                if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                    && Stat(child) is { } stat && stat.Parent == pid)
                    ticks += stat.Ticks;
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The process whose command line names <paramref name="argument"/> (a server's data folder), if one runs.</summary>
    public static int? Find(string program, string argument)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var words = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (words.Length > 0 && Path.GetFileName(words[0]) == program && words.Contains(argument)) return pid;
            }
            catch (IOException)
            {
                // gone meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // another user's
            }
        }
        return null;
    }

    /// <summary>
    /// The parent, the user and system ticks of a process, and those of its ended children it waited for (fields 4,
    /// 14 and 15, 16 and 17 of its stat line).
    /// </summary>
    private static (int Parent, long Ticks, long EndedChildrenTicks)? Stat(int pid)
    {
        string line;
        try
        {
            line = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may hold spaces: the fields after it are counted from its end.
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
            long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture));
    }
}

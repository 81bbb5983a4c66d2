using System.Diagnostics;

namespace ForeignDesk.Bench;

/// <summary>This very program (<c>foreigndesk</c>), started again as a process of its own with other arguments.</summary>
internal static class ThisProgram
{
    /// <summary>How to start it with <paramref name="arguments"/>, its output redirected (the caller reads or drops it).</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program this is");
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            info.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("no entry assembly"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }
}

using System.Diagnostics;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// A small tmpfs mounted for one test (only root may mount one), so that the disk under a store can really fill up.
/// Unmounted and removed when disposed.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MB; null, with the reason, where it cannot be mounted.</summary>
    public static SmallDisk? TryMount(int megabytes, out string reason)
    {
        var path = Directory.CreateTempSubdirectory("foreigndesk-smalldisk-").FullName;
        var (code, said) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code == 0)
        {
            reason = "";
            return new SmallDisk(path);
        }

        Directory.Delete(path);
        reason = $"a {megabytes} MB tmpfs cannot be mounted here (mount needs root): {said.Trim()}";
        return null;
    }

    /// <summary>Takes every byte left on the disk with one file; deleting it gives the space back.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        foreach (var chunk in new[] { 1 << 20, 4096, 512, 1 })
        {
            var bytes = new byte[chunk];
            try
            {
                while (true) stream.Write(bytes);
            }
            catch (IOException)
            {
                // this size no longer fits; go on with a smaller one
            }
        }
        return filler;
    }

    public void Dispose()
    {
        if (Run("umount", Path).Code != 0) Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static (int Code, string Said) Run(string program, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var said = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, said);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}

using System.Diagnostics;

namespace ForeignDesk.Bench.Web;

/// <summary>Makes sure a program from a Debian package is on the PATH, installing the package with apt-get when it is missing.</summary>
internal static class DebianTools
{
    public static async Task EnsureAsync(string program, string package, CancellationToken cancellationToken)
    {
        if (OnPath(program)) return;
        Console.WriteLine($"tools: {program} missing, installing Debian's {package}");
        var (command, arguments) = Environment.UserName == "root"
            ? ("apt-get", new[] { "install", "-y", "--no-install-recommends", package })
            : ("sudo", new[] { "-n", "apt-get", "install", "-y", "--no-install-recommends", package });
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new BenchUsageException($"could not start {command} to install {package}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await stdout;
        if (process.ExitCode != 0 || !OnPath(program))
            throw new BenchUsageException($"{program} is missing and installing {package} failed: {(await stderr).Trim()} (install it with: apt-get install {package})");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/sbin")
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}

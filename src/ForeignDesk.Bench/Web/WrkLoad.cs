using System.Diagnostics;
using System.Globalization;

namespace ForeignDesk.Bench.Web;

/// <summary>Loads one target with wrk: N connections (closed loop) for S seconds, latency distribution recorded.</summary>
internal sealed class WrkLoad(string folder, int clients, TimeSpan length)
{
    /// <summary>How long wrk waits for one answer before counting a timeout (wrk's default, 2 s, would cut off p99).</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public async Task<WrkResult> RunAsync(LoadTarget target, CancellationToken cancellationToken)
    {
        if (!target.Server.IsLoopback) throw new InvalidOperationException($"wrk only loads local servers, not {target.Server}");
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var threads = Math.Max(1, Math.Min(clients, Environment.ProcessorCount));
        foreach (var argument in new[]
                 {
                     "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{Math.Max(1, (int)length.TotalSeconds)}s", "--timeout", $"{(int)RequestTimeout.TotalSeconds}s", "--latency",
                 })
            info.ArgumentList.Add(argument);
        if (target.LuaScript() is { } script)
        {
            var path = Path.Combine(folder, $"{target.Name}.lua");
            await File.WriteAllTextAsync(path, script, cancellationToken);
            info.ArgumentList.Add("-s");
            info.ArgumentList.Add(path);
        }
        info.ArgumentList.Add(new Uri(target.Server, target.Path).AbsoluteUri);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(length + RequestTimeout + TimeSpan.FromSeconds(20));
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
            var stderr = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            var output = await stdout;
            if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {await stderr}{output}");
            return WrkResult.Parse(output);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}

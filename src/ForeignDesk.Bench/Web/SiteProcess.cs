using System.Diagnostics;
using System.Globalization;

namespace ForeignDesk.Bench.Web;

/// <summary>
/// The site as its own process: this program's <c>serve --no-pipeline</c> on a data folder and a 127.0.0.1 address,
/// so that its memory is its own (the bench's generation and load driver stay out of it).
/// </summary>
internal sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiteProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Id => _process.Id;

    /// <summary>The site's CPU time so far; null where it cannot be read.</summary>
    public TimeSpan? Cpu() => ProcessCpu.Of(_process.Id, withChildren: false);

    /// <summary>The highest resident set of the site so far (Linux <c>VmHWM</c>), in bytes; null where it cannot be read.</summary>
    public long? PeakBytes() => StatusBytes("VmHWM:");

    /// <summary>The site's resident set now (Linux <c>VmRSS</c>), in bytes; null where it cannot be read.</summary>
    public long? ResidentBytes() => StatusBytes("VmRSS:");

    private long? StatusBytes(string field)
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status)) return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return long.TryParse(kilobytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }

    /// <param name="settings">Configuration for the site beyond the bench's own (the store to serve), as <c>Section:Key</c> names.</param>
    public static async Task<SiteProcess> StartAsync(string dataDirectory, int port, IReadOnlyDictionary<string, string?>? settings,
        CancellationToken cancellationToken)
    {
        var url = new Uri($"http://127.0.0.1:{port}/");
        var info = ThisProgram.StartInfo(["serve", "--no-pipeline", "--data", dataDirectory, "--urls", url.AbsoluteUri.TrimEnd('/')]);
        foreach (var (name, value) in ProcessRuntime.Every) info.Environment[name] = value;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ForeignDesk__Sources__DefaultFile"] = "";
        // wrk's clients all come from 127.0.0.1: the API's per-client limit must not cut the load short.
        info.Environment["ForeignDesk__Api__RequestsPerWindow"] = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        // The bench reads the site's garbage collections, allocations and store connections from its /metrics.
        info.Environment["ForeignDesk__Metrics__Enabled"] = "true";
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
            info.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the site");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new SiteProcess(process, url);
        using var probe = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the site exited with {process.ExitCode} before it answered");
            try
            {
                using var response = await probe.GetAsync("/healthz", cancellationToken);
                if (response.IsSuccessStatusCode) return site;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // still starting (opening a large store)
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                await site.DisposeAsync();
                throw new InvalidOperationException("the site did not answer /healthz within 3 minutes");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

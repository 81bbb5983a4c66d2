using System.Diagnostics;
using System.Globalization;

namespace ForeignDesk.Bench.Soak;

/// <summary>
/// The site and its pipeline in a process of their own (this program's <c>bench soak --serve DIR --urls URL</c>),
/// so that the memory, descriptors and threads read are theirs alone, not the world's or the readers'. The process
/// prints its managed heap size every ten seconds (<see cref="HeapLine"/>), which only it can read.
/// </summary>
internal sealed class SoakSite : IAsyncDisposable
{
    public const string HeapLine = "soak-heap-mb ";

    /// <summary>Option that makes <c>bench soak</c> the measured site rather than the bench.</summary>
    public const string ServeOption = "serve";

    private readonly Process _process;
    private double _heapMb = double.NaN;

    private SoakSite(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last managed heap size the process printed, in MB; NaN before the first.</summary>
    public double HeapMb => Volatile.Read(ref _heapMb);

    public static async Task<SoakSite> StartAsync(string dataDirectory, Uri url, int parallelSources, CancellationToken cancellationToken)
    {
        var info = ThisProgram.StartInfo(
        [
            "bench", "soak", $"--{ServeOption}", dataDirectory, "--urls", url.AbsoluteUri.TrimEnd('/'),
            "--parallel", parallelSources.ToString(CultureInfo.InvariantCulture),
        ]);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the site");
        var site = new SoakSite(process);
        process.OutputDataReceived += (_, line) => site.Read(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the site exited with {process.ExitCode} before it answered");
            try
            {
                using var response = await probe.GetAsync("/healthz", cancellationToken);
                if (response.IsSuccessStatusCode) return site;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // not listening yet
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(3))
            {
                await site.DisposeAsync();
                throw new InvalidOperationException("the site did not answer /healthz within 3 minutes");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    private void Read(string? line)
    {
        if (line is not null && line.StartsWith(HeapLine, StringComparison.Ordinal)
            && double.TryParse(line[HeapLine.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var mb))
            Volatile.Write(ref _heapMb, mb);
        else if (line is not null && (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)))
            Console.WriteLine($"site: {line}");
    }

    /// <summary>Stops the site as an operator does (SIGTERM), so that it finishes its work; killed if it has not stopped in 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await terminate.WaitForExitAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }
}

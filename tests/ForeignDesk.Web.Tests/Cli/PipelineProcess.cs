using System.Diagnostics;
using System.Globalization;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// The real program running the pipeline (<c>ingest --once</c> or <c>worker</c>) as a process that a test stops at a
/// moment of its choosing: SIGTERM, or SIGKILL in the middle of whatever job it holds.
/// </summary>
internal sealed class PipelineProcess : IDisposable
{
    /// <summary>Short, so that the next process soon takes over the jobs a killed one held.</summary>
    public const string LeaseTime = "00:00:02";

    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();
    private readonly TaskCompletionSource<string> _output = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<string> _error;

    private PipelineProcess(Process process, CancellationToken ct)
    {
        _process = process;
        // Read line by line, so that a test can watch the log while the process runs.
        process.OutputDataReceived += (_, line) =>
        {
            lock (_log)
            {
                if (line.Data is null) _output.TrySetResult(_log.ToString());
                else _log.AppendLine(line.Data);
            }
        };
        process.BeginOutputReadLine();
        _error = process.StandardError.ReadToEndAsync(ct);
    }

    /// <summary>Whether the process has logged <paramref name="text"/> so far.</summary>
    public bool Logged(string text)
    {
        lock (_log) return _log.ToString().Contains(text, StringComparison.Ordinal);
    }

    /// <summary>Waits (at most <paramref name="limit"/>) until the process logs <paramref name="text"/>.</summary>
    /// <returns>False when it did not (it ended, or has not yet).</returns>
    public async Task<bool> WaitUntilLoggedAsync(string text, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Logged(text))
        {
            if (DateTime.UtcNow >= deadline || _process.HasExited) return Logged(text);
            await Task.Delay(100, ct);
        }
        return true;
    }

    public static PipelineProcess Start(string data, CancellationToken ct, params string[] args) =>
        Start(data, new Dictionary<string, string>(), ct, args);

    /// <param name="environment">Environment variables for the program, over the test defaults (the store, say).</param>
    public static PipelineProcess Start(string data, IReadOnlyDictionary<string, string> environment, CancellationToken ct, params string[] args)
    {
        var start = CliProcess.StartInfo(data, data, args);
        start.Environment["ForeignDesk__Jobs__LeaseTime"] = LeaseTime;
        // The test's kills are no fault of the jobs: a job in flight at many of them must not end dead.
        start.Environment["ForeignDesk__Jobs__MaxFailures"] = "100";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new PipelineProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start foreigndesk"), ct);
    }

    /// <summary>A free port on 127.0.0.1 for the process's probes.</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Waits for the process to end by itself for at most <paramref name="limit"/>.</summary>
    /// <returns>True when it ended.</returns>
    public async Task<bool> WaitAsync(TimeSpan limit, CancellationToken ct)
    {
        try
        {
            await _process.WaitForExitAsync(ct).WaitAsync(limit, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) until the process answers <c>/healthz</c> at <paramref name="url"/>.</summary>
    /// <returns>False when it did not (it ended, or is still starting).</returns>
    public async Task<bool> WaitUntilAnsweringAsync(Uri url, TimeSpan limit, CancellationToken ct)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await probe.GetAsync(new Uri(url, "/healthz"), ct);
                if (response.IsSuccessStatusCode) return true;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Too slow to answer yet.
            }
            await Task.Delay(100, ct);
        }
        return false;
    }

    /// <summary>Stops the process (SIGTERM, or SIGKILL), unless it ended already, and returns its exit code and errors.</summary>
    public async Task<(int ExitCode, string Output, string Error)> StopAsync(bool terminate, CancellationToken ct)
    {
        if (!_process.HasExited)
        {
            if (terminate)
            {
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync(ct);
            }
            else
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _process.WaitForExitAsync(ct);
        return (_process.ExitCode, await _output.Task.WaitAsync(ct), await _error);
    }

    /// <summary>Stops every process with SIGTERM; each must exit with 0.</summary>
    /// <returns>What each one wrote to its standard output (its log), in order.</returns>
    public static async Task<IReadOnlyList<string>> StopAllAsync(IEnumerable<PipelineProcess> processes, CancellationToken ct)
    {
        var outputs = new List<string>();
        foreach (var process in processes)
        {
            var (exitCode, output, error) = await process.StopAsync(terminate: true, ct);
            Xunit.Assert.True(exitCode == 0, error);
            outputs.Add(output);
        }
        return outputs;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}

using System.Diagnostics;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>The real <c>foreigndesk</c> program, run as a process from the test's output folder.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(string dataDirectory, string? input, CancellationToken cancellationToken, params string[] args) =>
        RunInAsync(dataDirectory, dataDirectory, input, cancellationToken, args);

    /// <summary>The program given exactly <paramref name="args"/>, with no <c>--data</c> after them (directives, completion).</summary>
    public static Task<Result> RunWithoutDataAsync(string workingDirectory, CancellationToken cancellationToken, params string[] args) =>
        RunInAsync(workingDirectory, null, null, cancellationToken, args);

    /// <param name="workingDirectory">Where the program runs.</param>
    /// <param name="data">What <c>--data</c> names (a folder, or anything a test wants refused); null: no <c>--data</c>.</param>
    public static Task<Result> RunInAsync(string workingDirectory, string? data, string? input, CancellationToken cancellationToken, params string[] args) =>
        RunProcessAsync(StartInfo(workingDirectory, data, args), input, cancellationToken);

    /// <param name="environment">Environment variables for the program, over the test defaults.</param>
    public static Task<Result> RunWithEnvironmentAsync(
        string dataDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, params string[] args)
    {
        var start = StartInfo(dataDirectory, dataDirectory, args);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return RunProcessAsync(start, null, cancellationToken);
    }

    /// <summary>How the program is started: its output read, the test's settings in its environment, no default sources.</summary>
    /// <param name="data">What <c>--data</c> names; null: no <c>--data</c>.</param>
    public static ProcessStartInfo StartInfo(string workingDirectory, string? data, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "foreigndesk.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (data is not null)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(data);
        }
        start.Environment["ForeignDesk__Sources__DefaultFile"] = "";
        start.Environment["ForeignDesk__Fetch__AllowPrivateNetworks"] = "true";
        start.Environment["ForeignDesk__Fetch__MinDelayPerHost"] = "00:00:00";
        start.Environment.Remove("FOREIGNDESK_DATA");
        return start;
    }

    private static async Task<Result> RunProcessAsync(ProcessStartInfo start, string? input, CancellationToken cancellationToken)
    {
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start foreigndesk");
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new Result(process.ExitCode, await output, await error);
    }
}

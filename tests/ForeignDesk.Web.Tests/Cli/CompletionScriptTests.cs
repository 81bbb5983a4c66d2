using System.Diagnostics;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>
/// <c>foreigndesk completion bash|zsh|fish</c>: each script is valid for its shell, and run in that shell it completes a
/// partial command through the real program's <c>[suggest]</c> directive (the program is on the shell's PATH as
/// <c>foreigndesk</c>). zsh's <c>compadd</c> and <c>compdef</c> exist only inside its completion system, so the zsh
/// test stands them in and reads what the script would offer.
/// </summary>
public sealed class CompletionScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("foreigndesk-completion-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public CompletionScriptTests()
    {
        var program = Path.Combine(_folder, "foreigndesk");
        File.WriteAllText(program, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "foreigndesk.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("bash", "-n")]
    [InlineData("zsh", "-n")]
    [InlineData("fish", "--no-execute")]
    public async Task Script_ForEachShell_IsValidForThatShell(string shell, string checkOnly)
    {
        var script = await ScriptAsync(shell);

        var check = await ShellAsync(shell, checkOnly, script);

        Assert.True(check.ExitCode == 0, $"{shell} {checkOnly}: {check.Error}");
        Assert.Contains("[suggest:", await File.ReadAllTextAsync(script, Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "sour", "sources")]
    [InlineData("bash", "sources imp", "import-opml")]
    [InlineData("zsh", "sour", "sources")]
    [InlineData("zsh", "sources imp", "import-opml")]
    [InlineData("fish", "sour", "sources")]
    [InlineData("fish", "sources imp", "import-opml")]
    public async Task Script_PartialCommand_CompletesThroughTheDirective(string shell, string typed, string expected)
    {
        var script = await ScriptAsync(shell);
        var words = typed.Split(' ');
        var run = shell switch
        {
            "bash" => $"source '{script}'; COMP_WORDS=(foreigndesk {typed}); COMP_CWORD={words.Length}; COMP_LINE='foreigndesk {typed}'; " +
                      "COMP_POINT=${#COMP_LINE}; _foreigndesk_complete; printf '%s\\n' \"${COMPREPLY[@]}\"",
            "zsh" => "compdef() { : }; compadd() { print -rl -- \"${(@P)2}\" }; " +
                     $"source '{script}'; words=(foreigndesk {typed}); CURRENT={words.Length + 1}; _foreigndesk",
            _ => $"source '{script}'; complete -C 'foreigndesk {typed}'",
        };

        var result = await ShellAsync(shell, "-c", run);

        Assert.True(result.ExitCode == 0, $"{shell}: {result.Error}");
        var offered = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).ToList();
        Assert.Equal([expected], offered);
    }

    [Fact]
    public async Task Completion_UnknownShell_IsAUsageError()
    {
        var result = await CliProcess.RunWithoutDataAsync(_folder, Ct, "completion", "tcsh");

        Assert.Equal(2, result.ExitCode);
        var first = result.Error.Split('\n')[0];
        Assert.StartsWith("foreigndesk: ", first, StringComparison.Ordinal);
        Assert.Contains("'tcsh'", first, StringComparison.Ordinal);
        Assert.Contains("bash", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    /// <summary>The script the program prints for <paramref name="shell"/>, in a file.</summary>
    private async Task<string> ScriptAsync(string shell)
    {
        var printed = await CliProcess.RunWithoutDataAsync(_folder, Ct, "completion", shell);
        Assert.Equal(0, printed.ExitCode);
        var file = Path.Combine(_folder, "completion." + shell);
        await File.WriteAllTextAsync(file, printed.Output, Ct);
        return file;
    }

    /// <summary>Runs the shell with no startup files, the test's <c>foreigndesk</c> first on its PATH.</summary>
    private async Task<CliProcess.Result> ShellAsync(string shell, params string[] args)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        var executable = path.Split(':').Select(d => Path.Combine(d, shell)).FirstOrDefault(File.Exists);
        Assert.SkipWhen(executable is null, $"{shell} is not installed (apt install {shell}); its completion script is not checked");
        var start = new ProcessStartInfo(executable!) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var arg in shell switch { "bash" => ["--norc", "--noprofile"], "zsh" => ["-f"], _ => new[] { "--no-config" } })
            start.ArgumentList.Add(arg);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PATH"] = _folder + ":" + path;
        start.Environment["HOME"] = _folder;
        start.Environment["XDG_CONFIG_HOME"] = _folder;
        start.Environment["XDG_DATA_HOME"] = _folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return new CliProcess.Result(process.ExitCode, await output, await error);
    }
}

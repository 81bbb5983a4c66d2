using System.Diagnostics;
using ForeignDesk.Cli;
using Xunit;

namespace ForeignDesk.Web.Tests.Deploy;

/// <summary>The repository's systemd units: systemd reads them, and they start commands the program knows.</summary>
public sealed class SystemdUnitsTests
{
    private static readonly string Folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(RepositoryNginx.ConfigFile))!, "systemd");
    private static readonly bool AnalyzerInstalled = File.Exists("/usr/bin/systemd-analyze") || File.Exists("/bin/systemd-analyze");

    [Fact]
    public async Task Units_WebInstanceWorkerAndWorkerInstances_PassSystemdAnalyzeVerify()
    {
        Assert.SkipUnless(AnalyzerInstalled, "systemd-analyze is not installed here (Debian's systemd)");
        var folder = Directory.CreateTempSubdirectory("foreigndesk-units-").FullName;
        try
        {
            var web = Path.Combine(folder, "foreigndesk-web@5081.service");
            var worker = Path.Combine(folder, "foreigndesk-worker.service");
            string[] workers = [Path.Combine(folder, "foreigndesk-worker@5091.service"), Path.Combine(folder, "foreigndesk-worker@5092.service")];
            File.Copy(Path.Combine(Folder, "foreigndesk-web@.service"), web);
            File.Copy(Path.Combine(Folder, "foreigndesk-worker.service"), worker);
            foreach (var instance in workers) File.Copy(Path.Combine(Folder, "foreigndesk-worker@.service"), instance);
            var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in (string[])["verify", "--man=no", web, worker, .. workers]) start.ArgumentList.Add(argument);

            using var verify = Process.Start(start) ?? throw new InvalidOperationException("could not start systemd-analyze");
            var errors = await verify.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await verify.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(verify.ExitCode == 0, errors);
            Assert.DoesNotContain(folder, errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LauncherScript_GivesEveryCommandTheRuntimeSettingsOfEveryProcess()
    {
        // ./foreigndesk (and so ./run.sh) runs the program as the units do, unless the environment already says otherwise.
        var script = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Folder))!, "foreigndesk"));
        var exec = script.IndexOf("exec dotnet", StringComparison.Ordinal);
        Assert.True(exec > 0, "./foreigndesk does not exec the program");
        foreach (var (name, value) in ForeignDesk.Bench.ProcessRuntime.Every)
        {
            var export = script.IndexOf($"export {name}=\"${{{name}:-{value}}}\"", StringComparison.Ordinal);
            Assert.True(export > 0 && export < exec, $"./foreigndesk does not export {name}={value} before starting the program");
        }
    }

    [Fact]
    public async Task TheProgram_IsCompiledAheadOfTime_WhenPublishedForARuntime_AsTheLauncherAndTheSetUpPublishIt()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Folder))!;
        var project = Path.Combine(root, "src", "ForeignDesk.Cli", "ForeignDesk.Cli.csproj");

        Assert.Equal("true", await PublishReadyToRunAsync(project, "-p:RuntimeIdentifier=linux-x64"));
        Assert.Equal("", await PublishReadyToRunAsync(project));
        var script = File.ReadAllText(Path.Combine(root, "foreigndesk"));
        Assert.Contains("Linux-x86_64) rid=linux-x64", script, StringComparison.Ordinal);
        Assert.Contains("dotnet publish \"$root/src/ForeignDesk.Cli/ForeignDesk.Cli.csproj\" -c Release -r \"$rid\"", script, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/ForeignDesk.Cli -c Release -r linux-x64", File.ReadAllText(Path.Combine(root, "README.md")), StringComparison.Ordinal);
    }

    /// <summary>The project's <c>PublishReadyToRun</c> as MSBuild evaluates it with <paramref name="properties"/>.</summary>
    private static async Task<string> PublishReadyToRunAsync(string project, params string[] properties)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["msbuild", project, "-getProperty:PublishReadyToRun", "-nologo", .. properties]) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild failed: {await errors}{await output}");
        return (await output).Trim();
    }

    [Theory]
    [InlineData("foreigndesk-web@.service", "serve", true)]
    [InlineData("foreigndesk-worker.service", "worker", false)]
    [InlineData("foreigndesk-worker@.service", "worker", false)]
    public void Unit_ExecStart_ServesOnLoopbackWithOptionsTheProgramKnowsAndTakesSettingsFromTheEnvironment(string unit, string command, bool webNode)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, unit));
        var exec = lines.Single(line => line.StartsWith("ExecStart=", StringComparison.Ordinal));
        var words = exec["ExecStart=".Length..].Replace("%i", "5081", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parse = CommandTree.Build().Parse(words.SkipWhile(word => !word.EndsWith("foreigndesk.dll", StringComparison.Ordinal)).Skip(1).ToList());

        Assert.Empty(parse.Errors);
        Assert.Equal(command, parse.CommandResult.Command.Name);
        if (command == "serve") Assert.Equal(webNode, parse.GetValue<bool>("--no-pipeline"));
        Assert.StartsWith("http://127.0.0.1:", parse.GetValue<string>("--urls"));
        if (unit.EndsWith("@.service", StringComparison.Ordinal)) Assert.Contains("http://127.0.0.1:%i", exec);
        Assert.Contains("Environment=FOREIGNDESK_DATA=/var/lib/foreigndesk", lines);
        Assert.Contains(lines, line => line.StartsWith("EnvironmentFile=", StringComparison.Ordinal));
        Assert.All(lines.Where(line => line.StartsWith("Environment=", StringComparison.Ordinal)), line =>
            Assert.Matches(@"^Environment=(FOREIGNDESK_DATA|DOTNET_ENVIRONMENT|DOTNET_TieredPGO|DOTNET_TC_CallCountingDelayMs|DOTNET_GCgen0size|Logging__\w+|ForeignDesk__\w+)=\S+$", line));
        // Workers run with the runtime settings `bench scale` runs them with, and web nodes with those `bench web` runs
        // its site with; the compilation settings are the workers' alone.
        var runtime = command == "worker" ? ForeignDesk.Bench.ProcessRuntime.Worker : ForeignDesk.Bench.ProcessRuntime.Every;
        foreach (var (name, value) in runtime) Assert.Contains($"Environment={name}={value}", lines);
        foreach (var (name, _) in ForeignDesk.Bench.ProcessRuntime.Worker.Except(runtime))
            Assert.DoesNotContain(lines, line => line.StartsWith($"Environment={name}=", StringComparison.Ordinal));
    }
}

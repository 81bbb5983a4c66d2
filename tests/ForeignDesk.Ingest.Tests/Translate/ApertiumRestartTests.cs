using System.Diagnostics;
using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class ApertiumRestartTests
{
    [Fact]
    public async Task TranslateAsync_AfterApertiumProcessIsKilled_StillSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var engine = ApertiumEngineTests.NewEngine();
        var request = new TranslationRequest("es", "en", ["La casa es muy grande."], SegmentFormat.Text);
        Assert.Equal("The house is very big.", (await engine.TranslateAsync(request, ct)).Segments.Single());

        var group = Assert.Single(engine.ProcessGroups("es", "en"));
        var analyser = Assert.Single(ProcessesInGroup(group), p => p.Comm == "lt-proc" && p.Args.Contains("automorf"));
        using (var victim = Process.GetProcessById(analyser.Pid))
        {
            victim.Kill();
            await victim.WaitForExitAsync(ct);
        }

        var again = await engine.TranslateAsync(request, ct);

        Assert.Equal("The house is very big.", again.Segments.Single());
        var fresh = Assert.Single(engine.ProcessGroups("es", "en"));
        Assert.NotEqual(group, fresh);
    }

    /// <summary>Processes whose process group is <paramref name="group"/>, read from /proc.</summary>
    private static List<(int Pid, string Comm, string Args)> ProcessesInGroup(int group)
    {
        var found = new List<(int, string, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat, args;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
                args = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            if (int.Parse(fields[2]) == group) found.Add((pid, stat[(open + 1)..close], args));
        }
        return found;
    }
}

using System.Diagnostics;
using ForeignDesk.Bench.Web;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class ProcessCpuTests
{
    [Fact]
    public async Task Of_WithChildren_CountsTheCpuOfAChildThatEnded()
    {
        var self = Environment.ProcessId;
        var (ownBefore, allBefore) = (ProcessCpu.Of(self, withChildren: false)!.Value, ProcessCpu.Of(self, withChildren: true)!.Value);

        // A child that counts to two million in the shell: a second or so of CPU, whatever the machine's speed, all of it the child's.
        using var child = Process.Start(new ProcessStartInfo("sh", ["-c", "i=0; while [ $i -lt 2000000 ]; do i=$((i+1)); done"]) { UseShellExecute = false })!;
        await child.WaitForExitAsync(TestContext.Current.CancellationToken);

        var own = ProcessCpu.Of(self, withChildren: false)!.Value - ownBefore;
        var all = ProcessCpu.Of(self, withChildren: true)!.Value - allBefore;
        Assert.True(all - own >= TimeSpan.FromSeconds(0.2), $"the ended child's CPU counted {(all - own).TotalSeconds:0.00} s");
        Assert.Null(ProcessCpu.Of(int.MaxValue, withChildren: true));
    }
}

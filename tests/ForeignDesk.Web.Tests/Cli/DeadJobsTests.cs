using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>A job that failed for the last time: listed on /status and by <c>jobs dead</c>, queued again by <c>jobs retry</c>.</summary>
public sealed class DeadJobsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeadJob_ListedOnStatusAndByJobsDead_RetriedByIdThenAll_BadIdsRefused()
    {
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?> { ["ForeignDesk:Jobs:MaxFailures"] = "1" }, Ct);
        var queue = site.Services.GetRequiredService<IJobQueue>();
        await queue.EnqueueAsync([new JobRequest(JobKinds.Fetch, "https://diario.example/caido"), new JobRequest(JobKinds.Place, "42")], Ct);
        var dead = new List<long>();
        while (await queue.LeaseAsync([JobKinds.Fetch, JobKinds.Place], "test", TimeSpan.FromMinutes(1), Ct) is { } job)
        {
            Assert.Equal(JobState.Dead, await queue.FailAsync(job, $"the <outlet> answered 500 for {job.Key}", Ct));
            dead.Add(job.Id);
        }
        Assert.Equal(2, dead.Count);
        using var client = await site.StartAsync(Ct);

        var status = await client.GetStringAsync("/status", Ct);

        Assert.Contains("dead 2", status, StringComparison.Ordinal);
        Assert.Contains("https://diario.example/caido", status, StringComparison.Ordinal);
        Assert.Contains("the &lt;outlet&gt; answered 500", status, StringComparison.Ordinal);
        Assert.DoesNotContain("the <outlet>", status, StringComparison.Ordinal);

        var data = Path.GetDirectoryName(site.DatabasePath)!;
        var listed = await CliProcess.RunAsync(data, null, Ct, "jobs", "dead");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains($"{dead[0]}\tfetch\thttps://diario.example/caido\t1 failures\t", listed.Output, StringComparison.Ordinal);
        Assert.Contains($"{dead[1]}\tplace\t42\t", listed.Output, StringComparison.Ordinal);
        Assert.Contains("2 dead jobs", listed.Output, StringComparison.Ordinal);

        var one = await CliProcess.RunAsync(data, null, Ct, "jobs", "retry", dead[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((0, "queued again: 1 jobs"), (one.ExitCode, one.Output.Trim()));
        Assert.Equal(new JobCounts(1, 0, 0, 1), await queue.CountsAsync(Ct));

        var missing = await CliProcess.RunAsync(data, null, Ct, "jobs", "retry", dead[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"no dead job has id {dead[0]}", missing.Error, StringComparison.Ordinal);
        var noTarget = await CliProcess.RunAsync(data, null, Ct, "jobs", "retry");
        Assert.Equal(2, noTarget.ExitCode);
        Assert.Contains("needs the ID of a dead job, or --all", noTarget.Error, StringComparison.Ordinal);
        var notAnId = await CliProcess.RunAsync(data, null, Ct, "jobs", "retry", "abc");
        Assert.Equal(2, notAnId.ExitCode);
        Assert.DoesNotContain("   at ", notAnId.Error, StringComparison.Ordinal);

        var all = await CliProcess.RunAsync(data, null, Ct, "jobs", "retry", "--all");
        Assert.Equal((0, "queued again: 1 jobs"), (all.ExitCode, all.Output.Trim()));
        Assert.Equal(new JobCounts(2, 0, 0, 0), await queue.CountsAsync(Ct));
        Assert.Contains("0 dead jobs", (await CliProcess.RunAsync(data, null, Ct, "jobs", "dead")).Output, StringComparison.Ordinal);
    }
}

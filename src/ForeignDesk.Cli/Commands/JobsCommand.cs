using System.CommandLine;
using System.Globalization;
using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk jobs dead | jobs retry ID|--all</c>: the jobs that failed for the last time, and another try for them.</summary>
internal static class JobsCommand
{
    /// <summary>Most dead jobs listed.</summary>
    public const int Listed = 1000;

    public static Command Create()
    {
        var dead = new Command("dead", "List the jobs that failed for the last time");
        dead.SetAction((parse, ct) => ListDeadAsync(CommandHost.DataDirectory(parse), Console.Out, ct));

        var id = new Argument<string?>("ID") { Description = "The dead job to queue again (jobs dead lists them)", Arity = ArgumentArity.ZeroOrOne };
        id.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } word && JobId(word) is null)
                r.AddError($"jobs retry: '{word}' is not a job id (a whole number; jobs dead lists them)");
        });
        var all = new Option<bool>("--all") { Description = "Queue every dead job again" };
        var retry = new Command("retry", "Queue a dead job, or every one, again") { id, all };
        retry.Validators.Add(r =>
        {
            var (hasId, hasAll) = (r.GetValue(id) is not null, r.GetValue(all));
            if (hasId && hasAll) r.AddError("jobs retry takes an ID or --all, not both");
            else if (!hasId && !hasAll) r.AddError("jobs retry needs the ID of a dead job, or --all");
        });
        retry.SetAction((parse, ct) => RetryAsync(CommandHost.DataDirectory(parse), parse.GetValue(id) is { } word ? JobId(word) : null, Console.Out, ct));

        return new Command("jobs", "The durable jobs of the pipeline: the dead ones, and another try for them") { dead, retry };
    }

    /// <summary>One dead job a line: id, kind, key, failures, when it died and its last error.</summary>
    public static async Task<int> ListDeadAsync(string dataDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(dataDirectory, cancellationToken);
        var dead = await app.Services.GetRequiredService<IJobQueue>().DeadAsync(Listed, cancellationToken);
        foreach (var job in dead)
        {
            var error = (job.LastError ?? "").ReplaceLineEndings(" ");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{job.Id}\t{job.Kind}\t{job.Key}\t{job.Failures} failures\t{job.DiedUtc:yyyy-MM-dd HH:mm:ss}Z\t{error}"));
        }
        output.WriteLine($"{dead.Count} dead jobs");
        return 0;
    }

    /// <param name="id">The dead job to queue again; null for every one.</param>
    public static async Task<int> RetryAsync(string dataDirectory, long? id, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(dataDirectory, cancellationToken);
        var retried = await app.Services.GetRequiredService<IJobQueue>().RetryDeadAsync(id, cancellationToken);
        if (id is not null && retried == 0) throw new InputException($"no dead job has id {id} (jobs dead lists them)");
        output.WriteLine($"queued again: {retried} jobs");
        return 0;
    }

    private static long? JobId(string word) =>
        long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}

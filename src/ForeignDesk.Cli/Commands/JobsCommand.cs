using System.Globalization;
using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk jobs dead | jobs retry ID|--all</c>: the jobs that failed for the last time, and another try for them.</summary>
internal static class JobsCommand
{
    /// <summary>Most dead jobs listed.</summary>
    public const int Listed = 1000;

    public static Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken) => arguments.Word(1) switch
    {
        "dead" => ListDeadAsync(CommandHost.DataDirectory(arguments), Console.Out, cancellationToken),
        "retry" => RetryAsync(CommandHost.DataDirectory(arguments), RetryTarget(arguments), Console.Out, cancellationToken),
        _ => throw new UsageException("jobs needs one of: dead, retry"),
    };

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

    private static long? RetryTarget(CliArguments arguments)
    {
        var word = arguments.Word(2);
        if (arguments.Has("all"))
            return word is null ? null : throw new UsageException("jobs retry takes an ID or --all, not both");
        if (word is null) throw new UsageException("jobs retry needs the ID of a dead job, or --all");
        return long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new UsageException($"jobs retry: '{word}' is not a job id (a whole number; jobs dead lists them)");
    }
}

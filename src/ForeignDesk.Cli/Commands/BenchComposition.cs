using System.CommandLine;
using ForeignDesk.Bench;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk bench NAME</c>: runs a bench of <see cref="BenchCommand"/> on the application as the command line
/// composes it (<see cref="AppHost"/>), so that benches measure what runs in production.
/// </summary>
internal static class BenchComposition
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed and quality; each bench ends with one \"name value ...\" line");
        foreach (var bench in BenchCommand.All) command.Add(Create(bench));
        return command;
    }

    /// <summary>A bench's subcommand: its options as strings, handed to the bench to read as it reads them.</summary>
    private static Command Create(BenchDefinition bench)
    {
        var options = bench.Options.Select(o => (o.Name, Option: new Option<string?>("--" + o.Name)
        {
            Description = o.Description,
            HelpName = o.Value,
            Hidden = o.Hidden,
            Arity = o.ValueOptional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
        })).ToList();
        var command = new Command(bench.Name, bench.Description);
        foreach (var (_, option) in options) command.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var given = options.Where(o => parse.GetResult(o.Option) is not null)
                .ToDictionary(o => o.Name, o => parse.GetValue(o.Option), StringComparer.Ordinal);
            return RunAsync(bench, given, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(BenchDefinition bench, IReadOnlyDictionary<string, string?> options, CancellationToken cancellationToken)
    {
        try
        {
            return await ProgressDisplay.RunAsync("bench " + bench.Name, progress => bench.RunAsync(new BenchContext(options,
                (data, urls, pipeline, settings) => AppHost.Build(new HostSettings(data, urls, pipeline, settings, LogLevel.Warning)),
                AppHost.PrepareStoreAsync,
                ClusterFileAsync,
                progress), cancellationToken));
        }
        catch (BenchUsageException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>The <c>cluster</c> command's grouping of a JSON Lines file: article id → the number of its story.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ClusterFileAsync(string path, IServiceProvider services, CancellationToken cancellationToken)
    {
        var rows = await ClusterInput.ReadAsync(path, cancellationToken);
        var inputs = await ClusterInput.PrepareAsync(rows, services.GetRequiredService<EngineSelector>(),
            services.GetRequiredService<ArticleTranslator>(), cancellationToken);
        var stories = BatchClustering.Run(inputs);
        return inputs.ToDictionary(i => rows[(int)i.Id - 1].Id, i => stories[i.Id].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

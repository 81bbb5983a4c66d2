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
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var context = new BenchContext(arguments.Options,
            (data, urls, pipeline, settings) => AppHost.Build(new HostSettings(data, urls, pipeline, settings, LogLevel.Warning)),
            AppHost.PrepareStoreAsync,
            ClusterFileAsync);
        try
        {
            return await BenchCommand.RunAsync(arguments.Word(1), context, cancellationToken);
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

using System.Globalization;
using ForeignDesk.Core;
using Microsoft.AspNetCore.Builder;

namespace ForeignDesk.Bench;

/// <summary>Composes the application as <c>foreigndesk serve</c> does, on <paramref name="dataDirectory"/>, logging warnings only.</summary>
/// <param name="urls">Where the site listens when started; null: nowhere chosen.</param>
/// <param name="settings">Configuration over appsettings.json and the environment.</param>
public delegate WebApplication AppComposer(string dataDirectory, string? urls, bool runPipeline, IReadOnlyDictionary<string, string?>? settings);

/// <summary>Groups a clustering JSON Lines file as <c>foreigndesk cluster</c> does: article id → story label.</summary>
public delegate Task<IReadOnlyDictionary<string, string>> FileClusterer(string path, IServiceProvider services, CancellationToken cancellationToken);

/// <summary>
/// What the command line gives a bench: its options (<c>--name value</c>) and the application composed the way the
/// command line composes it, so that a bench measures the same site, store and pipeline that run in production.
/// </summary>
/// <param name="progress">Where a bench counts its long steps: a progress bar on a terminal, plain lines otherwise.</param>
public sealed class BenchContext(
    IReadOnlyDictionary<string, string?> options,
    AppComposer compose,
    Func<IServiceProvider, CancellationToken, Task> prepareStore,
    FileClusterer cluster,
    IWorkProgress progress)
{
    public IWorkProgress Progress => progress;

    /// <summary>Waits for <paramref name="length"/>, counting its seconds on <see cref="Progress"/> as "seconds of NAME".</summary>
    public async Task WaitAsync(string name, TimeSpan length, CancellationToken cancellationToken)
    {
        if (length <= TimeSpan.Zero) return;
        using var seconds = progress.Start($"seconds of {name}", (long)Math.Ceiling(length.TotalSeconds));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) is var elapsed && elapsed < length)
        {
            await Task.Delay(TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, (length - elapsed).Ticks)), cancellationToken);
            seconds.Add();
        }
    }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Option(string name) => options.GetValueOrDefault(name);

    /// <summary>A whole-number option, or <paramref name="fallback"/> when not given.</summary>
    /// <exception cref="BenchUsageException">The value is not a number.</exception>
    public int Number(string name, int fallback) =>
        Option(name) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new BenchUsageException($"--{name} takes a whole number, not '{text}'");

    /// <summary>A decimal option, or <paramref name="fallback"/> when not given.</summary>
    /// <exception cref="BenchUsageException">The value is not a number.</exception>
    public double Decimal(string name, double fallback) =>
        Option(name) is not { } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new BenchUsageException($"--{name} takes a number, not '{text}'");

    public WebApplication Compose(string dataDirectory, string? urls = null, bool runPipeline = false, IReadOnlyDictionary<string, string?>? settings = null) =>
        compose(dataDirectory, urls, runPipeline, settings);

    /// <summary>Creates or upgrades the database and, on a new one, imports the default sources.</summary>
    public Task PrepareStoreAsync(IServiceProvider services, CancellationToken cancellationToken) => prepareStore(services, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ClusterFileAsync(string path, IServiceProvider services, CancellationToken cancellationToken) =>
        cluster(path, services, cancellationToken);
}

/// <summary>Bad bench input (an unknown bench, a missing corpus, an unreadable option): reported without a stack trace.</summary>
public sealed class BenchUsageException(string message) : Exception(message);

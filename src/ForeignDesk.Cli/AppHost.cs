using ForeignDesk.Core;
using ForeignDesk.Discover;
using ForeignDesk.Ingest;
using ForeignDesk.Ingest.WebSub;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Store;
using ForeignDesk.Web;
using ForeignDesk.Web.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Cli;

/// <summary>How a command wants the application put together.</summary>
/// <param name="Settings">Configuration that overrides appsettings.json and the environment (tests use it).</param>
/// <param name="Time">The clock every part reads; the system's unless a test gives its own.</param>
/// <param name="ServeSite">The site's pages; without them (the worker) only /healthz, /readyz, /metrics and the WebSub callback.</param>
public sealed record HostSettings(
    string DataDirectory,
    string? Urls = null,
    bool RunPipeline = false,
    IReadOnlyDictionary<string, string?>? Settings = null,
    LogLevel MinimumLogLevel = LogLevel.Information,
    TimeProvider? Time = null,
    bool ServeSite = true);

/// <summary>
/// Composes the site, the store and the pipeline, the same way for every command and for tests. The roles: the site
/// (web), the scheduler that enqueues due polls and the job worker (the pipeline); <c>serve</c> holds all of them,
/// <c>serve --no-pipeline</c> only the site, <c>worker</c> only the pipeline.
/// </summary>
public static class AppHost
{
    public const string ConfigurationRoot = "ForeignDesk";

    public static WebApplication Build(HostSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables();
        if (settings.Settings is not null) builder.Configuration.AddInMemoryCollection(settings.Settings);
        if (settings.Urls is not null) builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        // Logging__Console__FormatterName=json writes one JSON object a line (systemd: journald's prefixes); the
        // slim builder would otherwise keep the simple format whatever the setting says.
        if (builder.Configuration["Logging:Console:FormatterName"] is { Length: > 0 } format)
            builder.Logging.AddConsole(o => o.FormatterName = format);

        var configuration = builder.Configuration.GetSection(ConfigurationRoot);
        builder.Services.AddSingleton(settings.Time ?? TimeProvider.System);
        builder.Services.AddStore(configuration, settings.DataDirectory);
        builder.Services.AddDiscover(settings.DataDirectory);
        builder.Services.AddIngest(configuration, settings.DataDirectory);
        if (settings.ServeSite)
        {
            builder.Services.AddForeignDeskSite(configuration, settings.DataDirectory);
            builder.Services.AddForeignDeskAdmin(configuration, settings.DataDirectory);
        }
        else builder.Services.AddProbes(configuration);
        // The workers' loops log and go on after any failure but a stop; should one still fail, the site stays up.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o =>
            o.BackgroundServiceExceptionBehavior = Microsoft.Extensions.Hosting.BackgroundServiceExceptionBehavior.Ignore);
        if (settings.RunPipeline) builder.Services.AddHostedService<Ingest.Detect.LanguageModelWarmUp>();
        if (settings.RunPipeline) builder.Services.AddHostedService<IngestWorker>();
        if (settings.RunPipeline) builder.Services.AddHostedService<Ingest.Jobs.JobWorker>();
        if (settings.RunPipeline) builder.Services.AddHostedService<Ingest.WebSub.WebSubUpkeep>();

        var app = builder.Build();
        // A hub's pushes become durable push jobs in the store, whichever process receives them (a web node without
        // the pipeline included); any worker reads them.
        app.MapWebSub();
        if (settings.ServeSite)
        {
            app.MapForeignDeskAdmin();
            app.MapForeignDeskSite();
        }
        else app.MapProbes();
        return app;
    }

    /// <summary>Creates or upgrades the database and, on a new one, imports the default sources.</summary>
    public static async Task PrepareStoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IArticleStore>();
        await store.MigrateAsync(cancellationToken);
        await services.GetRequiredService<Ingest.Translate.Engines.EngineBudgets>().RestoreAsync(cancellationToken);
        var configuration = services.GetRequiredService<IConfiguration>();
        var file = configuration[$"{ConfigurationRoot}:Sources:DefaultFile"] ?? DefaultSources.DefaultFile;
        await DefaultSources.ImportIfEmptyAsync(store, file, cancellationToken);
    }
}

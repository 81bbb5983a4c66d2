using ForeignDesk.Core;
using ForeignDesk.Ingest.Detect;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Every pipeline stage, configured from <paramref name="configuration"/> (the "ForeignDesk" section), with the
    /// translation units' glossary in <paramref name="dataDirectory"/> and the WebSub subscriber and callback.
    /// </summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddPageFetcher(configuration);
        services.AddTranslate(configuration);
        services.AddTranslationUnits(configuration, dataDirectory);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Pipeline:PollInterval must be positive.")
            .Validate(o => o.StoreWait >= TimeSpan.Zero, "Pipeline:StoreWait must not be negative.")
            .Validate(o => o.MaxItemsPerFeed is >= 1 and <= 1000, "Pipeline:MaxItemsPerFeed must be 1 to 1000.")
            .Validate(o => o.RecheckWindow >= TimeSpan.Zero, "Pipeline:RecheckWindow must not be negative.")
            .Validate(o => o.FirstRecheck >= TimeSpan.FromSeconds(1), "Pipeline:FirstRecheck must be at least one second.")
            .Validate(o => o.MinPollInterval > TimeSpan.Zero && o.MaxPollInterval >= o.MinPollInterval, "Pipeline:MinPollInterval must be positive and at most Pipeline:MaxPollInterval.");
        services.AddOptions<Sitemaps.SitemapOptions>().Bind(configuration.GetSection(Sitemaps.SitemapOptions.Section));

        services.AddSingleton<IArticleExtractor, ArticleExtractor>();
        services.AddSingleton<ILanguageDetector, LinguaLanguageDetector>();
        services.AddSingleton<ArticleLanguage>();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section))
            .Validate(o => o.LeaseTime >= TimeSpan.FromSeconds(1), "Jobs:LeaseTime must be at least one second.")
            .Validate(o => o.Workers is >= 1 and <= 64, "Jobs:Workers must be 1 to 64.")
            .Validate(o => o.MaxFailures is >= 1 and <= 100, "Jobs:MaxFailures must be 1 to 100.")
            .Validate(o => o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay, "Jobs:FirstRetryDelay must be positive and at most Jobs:MaxRetryDelay.");
        services.AddSingleton<TranslationStage>();
        services.AddSingleton<RetranslationStage>();
        services.AddSingleton<RecheckSchedule>();
        services.AddSingleton<GlossaryScanStage>();
        services.AddSingleton<ArticleProcessor>();
        services.AddSingleton<ArticleRecheck>();
        services.AddSingleton<EndpointPoller>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<EndpointPoller>());
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<ArticleProcessor>());
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<TranslationStage>());
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<RetranslationStage>());
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<ArticleRecheck>());
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<GlossaryScanStage>());
        services.AddSingleton<Jobs.JobRunner>();
        services.AddSingleton<Jobs.RoleKeeper>();
        services.AddSingleton<EndpointReader>();
        services.AddSingleton<Sources.EndpointDiscovery>();
        services.AddSingleton<Sources.SourceUrlDiscovery>();
        services.AddSingleton<Sources.FeedCheck>();
        services.AddSingleton<ArticleRepair>();
        services.AddSingleton<IngestPass>();
        WebSub.WebSubServiceCollectionExtensions.AddWebSub(services, configuration);
        services.AddSingleton(sp => new EndpointHealthRules(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PipelineOptions>>().Value.FailingAfterErrors));
        return services;
    }
}

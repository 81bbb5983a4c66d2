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
    /// <summary>Every pipeline stage, configured from <paramref name="configuration"/> (the "ForeignDesk" section).</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.Section)).ValidateDataAnnotations();
        services.AddOptions<ApertiumOptions>().Bind(configuration.GetSection(ApertiumOptions.Section)).ValidateDataAnnotations();
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateDataAnnotations();

        services.AddSingleton<IPageFetcher, PageFetcher>();
        services.AddSingleton<IArticleExtractor, ArticleExtractor>();
        services.AddSingleton<ILanguageDetector, LinguaLanguageDetector>();
        services.AddSingleton<ApertiumEngine>();
        services.AddSingleton<ITranslationEngine>(sp => sp.GetRequiredService<ApertiumEngine>());
        services.AddSingleton<EngineSelector>();
        services.AddSingleton<ArticleTranslator>();
        services.AddSingleton<TranslationStage>();
        services.AddSingleton<ArticleProcessor>();
        services.AddSingleton<IngestPass>();
        return services;
    }
}

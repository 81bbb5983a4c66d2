using ForeignDesk.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Translate;

public static class TranslateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Apertium engine (options from <see cref="ApertiumOptions.Section"/>), the keyed engine
    /// "apertium", the engines configured under Translate:Engines (see <see cref="TranslateOptions"/>), the
    /// <see cref="EngineSelector"/> and the <see cref="ArticleTranslator"/>.
    /// </summary>
    public static IServiceCollection AddTranslate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApertiumOptions>().Bind(configuration.GetSection(ApertiumOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ModesDirectory), "Translate:Apertium:ModesDirectory is required.")
            .Validate(o => o.ProcessesPerPair is >= 1 and <= 16, "Translate:Apertium:ProcessesPerPair must be 1 to 16.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Translate:Apertium:RequestTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<ApertiumEngine>();
        services.AddSingleton<ITranslationEngine>(sp => sp.GetRequiredService<ApertiumEngine>());
        services.AddKeyedSingleton<ITranslationEngine>("apertium", (sp, _) => sp.GetRequiredService<ApertiumEngine>());
        AddEngines(services, configuration);
        services.TryAddSingleton(sp => new EngineSelector(sp.GetRequiredService<EngineCatalog>(), sp.GetRequiredService<ILogger<EngineSelector>>()));
        services.TryAddSingleton<ArticleTranslator>();
        services.TryAddSingleton<EngineBudgets>();
        return services;
    }

    /// <summary>
    /// The engines under <see cref="TranslateOptions.Section"/>:Engines, each also a keyed <see cref="ITranslationEngine"/>
    /// under its lower-case name, and the <see cref="EngineCatalog"/> that routes languages to them.
    /// </summary>
    private static void AddEngines(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TranslateOptions>().Bind(configuration.GetSection(TranslateOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TranslateOptions>, TranslateOptionsValidator>());
        services.AddHttpClient(EngineCatalog.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new EngineCatalog(
            sp.GetRequiredService<IOptions<TranslateOptions>>(), sp.GetRequiredService<ApertiumEngine>(),
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        var names = configuration.GetSection($"{TranslateOptions.Section}:Engines").GetChildren()
            .Select(section => section.Key.ToLowerInvariant())
            .Where(name => name != TranslateOptions.Apertium)
            .Distinct();
        foreach (var name in names)
        {
            services.AddKeyedSingleton<ITranslationEngine>(name, (sp, key) =>
                sp.GetRequiredService<EngineCatalog>().Find((string)key!) ?? throw new InvalidOperationException($"No engine {key}."));
        }
    }
}

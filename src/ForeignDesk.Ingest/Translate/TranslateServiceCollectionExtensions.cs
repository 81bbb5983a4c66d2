using ForeignDesk.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForeignDesk.Ingest.Translate;

public static class TranslateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Apertium engine (options from <see cref="ApertiumOptions.Section"/>), the keyed engine
    /// "apertium", the <see cref="EngineSelector"/> and the <see cref="ArticleTranslator"/>.
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
        services.TryAddSingleton<EngineSelector>();
        services.TryAddSingleton<ArticleTranslator>();
        return services;
    }
}

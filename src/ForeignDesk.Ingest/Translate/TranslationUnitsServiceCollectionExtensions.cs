using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ForeignDesk.Ingest.Translate;

public static class TranslationUnitsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="TranslationStack"/> (options from <see cref="TranslationUnitOptions.Section"/>),
    /// with the glossary at <c>glossary.tsv</c> in <paramref name="dataDirectory"/> unless configured elsewhere.
    /// The translation memory is the <c>ITranslationMemory</c> the store registers, when there is one.
    /// </summary>
    public static IServiceCollection AddTranslationUnits(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<TranslationUnitOptions>().Bind(configuration.GetSection(TranslationUnitOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.GlossaryFile)) o.GlossaryFile = Path.Combine(dataDirectory, "glossary.tsv");
            })
            .Validate(o => o.MaxUnitChars is >= 200 and <= 1_000_000, "Translate:Units:MaxUnitChars must be 200 to 1000000.")
            .ValidateOnStart();
        services.TryAddSingleton<TranslationStack>();
        return services;
    }
}

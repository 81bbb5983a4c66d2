using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Every engine has a known type, sane limits, and every routed name is an engine.</summary>
internal sealed class TranslateOptionsValidator : IValidateOptions<TranslateOptions>
{
    public ValidateOptionsResult Validate(string? name, TranslateOptions options)
    {
        var failures = new List<string>();
        foreach (var (engine, settings) in options.Engines)
        {
            var prefix = $"Translate:Engines:{engine}";
            if (EngineCatalog.TypeOf(engine, settings) is null)
                failures.Add($"{prefix}:Type must be one of {string.Join(", ", Enum.GetNames<EngineType>())}.");
            if (settings.Timeout < TimeSpan.FromMilliseconds(10) || settings.Timeout > TimeSpan.FromDays(1))
                failures.Add($"{prefix}:Timeout must be from 10 ms to 1 day.");
            if (settings.MaxAttempts is < 1 or > 10) failures.Add($"{prefix}:MaxAttempts must be 1 to 10.");
            if (settings.RequestsPerMinute < 0) failures.Add($"{prefix}:RequestsPerMinute cannot be negative.");
            if (settings.DailyCharacterBudget < 0) failures.Add($"{prefix}:DailyCharacterBudget cannot be negative.");
            if (settings.RetryDelay < TimeSpan.Zero || settings.MaxRetryDelay < TimeSpan.Zero
                || settings.RetryDelay > TimeSpan.FromDays(1) || settings.MaxRetryDelay > TimeSpan.FromDays(1))
                failures.Add($"{prefix}: retry delays must be from 0 to 1 day.");
            if (settings.MaxSegmentsPerRequest < 1 || settings.MaxCharactersPerRequest < 1) failures.Add($"{prefix}: request limits must be positive.");
        }
        var known = new HashSet<string>(options.Engines.Keys, StringComparer.OrdinalIgnoreCase) { TranslateOptions.Apertium };
        foreach (var (language, names) in options.Routing)
        {
            foreach (var engine in EngineCatalog.Names(names))
            {
                if (!known.Contains(engine))
                    failures.Add($"Translate:Routing:{language} names '{engine}', which is not under Translate:Engines.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

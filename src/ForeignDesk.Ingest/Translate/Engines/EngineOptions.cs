namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>One named engine (section <c>Translate:Engines:NAME</c>).</summary>
public sealed class EngineOptions
{
    /// <summary>The protocol: Apertium, LibreTranslate, DeepL, Google, Azure or OpenAI.</summary>
    /// <value>Defaults to the engine's name when that names a type (an engine called "deepl" is a DeepL engine).</value>
    public string? Type { get; set; }

    /// <summary>Where the service listens.</summary>
    /// <value>The provider's public endpoint; required for LibreTranslate and OpenAI-compatible servers other than OpenAI's.</value>
    public string? BaseUrl { get; set; }

    /// <summary>The key; set it from the environment (<c>ForeignDesk__Translate__Engines__NAME__ApiKey</c>), never in a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Azure: the resource's region, sent as <c>Ocp-Apim-Subscription-Region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>OpenAI-compatible: the model name.</summary>
    public string? Model { get; set; }

    /// <summary>OpenAI-compatible: the translation instruction; <c>{from}</c> and <c>{to}</c> become language names.</summary>
    /// <value>A translator's instruction that asks to keep markup, numbers, URLs and names.</value>
    public string? Prompt { get; set; }

    /// <summary>DeepL: the English variant asked for.</summary>
    /// <value>EN-GB.</value>
    public string EnglishVariant { get; set; } = "EN-GB";

    /// <summary>Source languages this engine is used for (ISO 639-1), or "*" for any.</summary>
    /// <value>Empty means "*".</value>
    public List<string> Languages { get; set; } = [];

    /// <summary>Requests sent per minute at most (retries included); 0 for no limit.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Source characters translated per UTC day at most; a request that would pass it is refused before it is sent. 0 for no limit.</summary>
    public long DailyCharacterBudget { get; set; }

    /// <summary>How long one request may take.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request when the service answers 429 or 5xx or cannot be reached.</summary>
    /// <value>4.</value>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff delay; it doubles with each attempt unless the service sends Retry-After.</summary>
    /// <value>1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry; a Retry-After beyond it fails the request so the next engine can take it.</summary>
    /// <value>1 minute.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Segments per request.</summary>
    /// <value>The provider's documented limit (DeepL 50, Google 128, Azure 1000, LibreTranslate 50, OpenAI-compatible 20; 1 asks for one segment per request).</value>
    public int? MaxSegmentsPerRequest { get; set; }

    /// <summary>Source characters per request.</summary>
    /// <value>The provider's documented limit (Azure 50 000, Google 30 000, DeepL 100 000, LibreTranslate 20 000, OpenAI-compatible 8 000).</value>
    public int? MaxCharactersPerRequest { get; set; }
}

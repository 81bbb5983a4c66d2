using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>What differs between providers: their limits, the request they expect and the reply they send.</summary>
internal interface IEngineProtocol
{
    /// <summary>The provider's documented segments per request.</summary>
    int MaxSegments { get; }

    /// <summary>The provider's documented source characters per request.</summary>
    int MaxCharacters { get; }

    /// <summary>Why the engine cannot be used as configured (a missing key or address), or null.</summary>
    string? Problem { get; }

    /// <summary>Where requests go, for display (never with the key).</summary>
    string Endpoint { get; }

    /// <summary>The API version or model that answers, as an article's provenance shows it.</summary>
    string Version { get; }

    HttpRequestMessage Build(TranslationRequest request, IReadOnlyList<string> batch);

    /// <summary>The translations in a successful reply, in order.</summary>
    /// <exception cref="System.Text.Json.JsonException">The reply is not the documented JSON.</exception>
    /// <exception cref="TranslationException">The reply is JSON but not the documented shape.</exception>
    IReadOnlyList<string> Read(string body);
}

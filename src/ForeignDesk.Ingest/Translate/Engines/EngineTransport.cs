using ForeignDesk.Core;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Sends one engine's requests: paced to its rate limit, each attempt bounded by its timeout, 429, 5xx and unreachable
/// servers retried with exponential backoff or the server's Retry-After, up to a bounded number of attempts. The retry
/// and the timeout are Microsoft.Extensions.Http.Resilience's (Polly) strategies, set from the engine's options.
/// </summary>
internal sealed class EngineTransport
{
    private readonly string engine;
    private readonly EngineOptions options;
    private readonly Func<HttpClient> client;
    private readonly TimeProvider time;
    private readonly RequestPacer pacer;
    private readonly ResiliencePipeline<HttpResponseMessage> retry;
    private readonly ResiliencePipeline<HttpResponseMessage> timeout;

    public EngineTransport(string engine, EngineOptions options, Func<HttpClient> client, TimeProvider time, ILogger logger)
    {
        this.engine = engine;
        this.options = options;
        this.client = client;
        this.time = time;
        pacer = new RequestPacer(options.RequestsPerMinute, time);
        var retries = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            retries.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                OnRetry = async args =>
                    Log.EngineRetry(logger, engine, await ProblemAsync(args.Outcome), args.AttemptNumber + 1, args.RetryDelay),
            });
        }
        retry = retries.Build();
        timeout = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.Timeout })
            .Build();
    }

    /// <param name="build">Makes the request afresh for each attempt.</param>
    /// <returns>The body of the first successful reply.</returns>
    public async Task<string> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            using var response = await retry.ExecuteAsync(async token =>
            {
                await pacer.WaitAsync(token);
                attempts++;
                return await timeout.ExecuteAsync(async attempt =>
                {
                    using var request = build();
                    var reply = await client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt);
                    await reply.Content.LoadIntoBufferAsync(attempt); // the whole reply within the attempt's time
                    return reply;
                }, token);
            }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode) return body;

            var problem = Problem(response, body);
            if (!Retryable(response)) throw new TranslationException($"{engine}: {problem}.");
            if (RetryAfter.Delay(response.Headers.RetryAfter, time.GetUtcNow()) is { } wait && wait > options.MaxRetryDelay)
                throw new TranslationException($"{engine}: {problem}; it asks to wait {wait}, longer than MaxRetryDelay {options.MaxRetryDelay}.");
            throw new TranslationException($"{engine}: {problem} (gave up after {attempts} attempts).");
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TranslationException($"{engine}: no reply within {options.Timeout.TotalSeconds:0.###} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TranslationException($"{engine}: could not reach the service ({ex.HttpRequestError}) (gave up after {attempts} attempts).", ex);
        }
    }

    /// <summary>An unreachable server, a 429 or a 5xx, unless it asks to wait longer than <see cref="EngineOptions.MaxRetryDelay"/>.</summary>
    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => Retryable(response)
            && (RetryAfter.Delay(response.Headers.RetryAfter, time.GetUtcNow()) is not { } wait || wait <= options.MaxRetryDelay),
        _ => false,
    };

    private static bool Retryable(HttpResponseMessage response) => (int)response.StatusCode is 429 or >= 500;

    private static async Task<string> ProblemAsync(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException ex } => $"could not reach the service ({ex.HttpRequestError})",
        { Result: { } response } => Problem(response, await response.Content.ReadAsStringAsync()),
        _ => outcome.Exception?.Message ?? "",
    };

    private static string Problem(HttpResponseMessage response, string body) =>
        $"{(int)response.StatusCode} {response.ReasonPhrase}: {ProviderError.Message(body)}";
}

using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Sends one engine's requests: paced to its rate limit, each attempt bounded by its timeout, 429, 5xx and unreachable
/// servers retried with exponential backoff or the server's Retry-After, up to a bounded number of attempts.
/// </summary>
internal sealed class EngineTransport(string engine, EngineOptions options, Func<HttpClient> client, TimeProvider time, ILogger logger)
{
    private readonly RequestPacer pacer = new(options.RequestsPerMinute, time);

    /// <param name="build">Makes the request afresh for each attempt.</param>
    /// <returns>The body of the first successful reply.</returns>
    public async Task<string> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            await pacer.WaitAsync(cancellationToken);
            var outcome = await AttemptAsync(build, cancellationToken);
            if (outcome.Body is { } body) return body;

            if (!outcome.Retryable || attempt >= attempts)
                throw new TranslationException($"{engine}: {outcome.Problem}" + (outcome.Retryable ? $" (gave up after {attempt} attempts)." : "."));
            var delay = outcome.RetryAfter ?? Backoff(attempt);
            if (delay > options.MaxRetryDelay)
                throw new TranslationException($"{engine}: {outcome.Problem}; it asks to wait {delay}, longer than MaxRetryDelay {options.MaxRetryDelay}.");
            Log.EngineRetry(logger, engine, outcome.Problem, attempt, delay);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = options.RetryDelay * Math.Pow(2, attempt - 1);
        return delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private async Task<Outcome> AttemptAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = build();
            using var response = await client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            if (response.IsSuccessStatusCode) return new Outcome(body, "", false, null);

            var status = (int)response.StatusCode;
            var problem = $"{status} {response.ReasonPhrase}: {ProviderError.Message(body)}";
            var retryable = status is 429 or >= 500;
            return new Outcome(null, problem, retryable, retryable ? RetryAfter.Delay(response.Headers.RetryAfter, time.GetUtcNow()) : null);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TranslationException($"{engine}: no reply within {options.Timeout.TotalSeconds:0.###} s.", ex);
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(null, $"could not reach the service ({ex.HttpRequestError})", true, null);
        }
    }

    private sealed record Outcome(string? Body, string Problem, bool Retryable, TimeSpan? RetryAfter);
}

using System.Text.RegularExpressions;
using System.Threading.Channels;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary>A glossary change: the terms added, changed or removed for one language (and source, when given).</summary>
internal sealed record GlossaryChange(string Language, IReadOnlyList<string> Terms, string? Source);

/// <summary>
/// Translates again, in the background, the stored articles a glossary change touches: those in its language (and of
/// its source) whose original text holds one of its terms. The translation memory is keyed by the glossary's version,
/// so only the units of those articles go to the engine again.
/// </summary>
internal sealed class GlossaryRetranslation(IArticleStore store, TranslationStage translation, ILogger<GlossaryRetranslation> log) : BackgroundService
{
    private readonly Channel<GlossaryChange> _changes = Channel.CreateUnbounded<GlossaryChange>();
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = Completed();
    private int _pending;

    /// <summary>Changes queued or being applied.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>What the last applied change did, for the glossary page.</summary>
    public string? LastOutcome { get; private set; }

    public void Enqueue(GlossaryChange change)
    {
        lock (_gate)
        {
            if (_pending++ == 0) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _changes.Writer.TryWrite(change);
    }

    /// <summary>Completes once every change queued so far has been applied.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return _idle.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var count = await ApplyAsync(change, stoppingToken);
                    LastOutcome = $"{string.Join(", ", change.Terms)} ({change.Language}): {count} article{(count == 1 ? "" : "s")} translated again";
                    log.LogInformation("Glossary change for {Language} translated {Count} articles again", change.Language, count);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LastOutcome = $"{string.Join(", ", change.Terms)} ({change.Language}): failed, {ex.Message}";
                    log.LogError(ex, "Translating again after a glossary change for {Language} failed", change.Language);
                }
                finally
                {
                    lock (_gate)
                    {
                        if (--_pending == 0) _idle.TrySetResult();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            log.LogDebug("Glossary retranslation stopped");
        }
    }

    /// <returns>How many articles were translated again.</returns>
    public async Task<int> ApplyAsync(GlossaryChange change, CancellationToken cancellationToken)
    {
        var patterns = change.Terms.Select(t => new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(t)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant)).ToList();
        var count = 0;
        foreach (var id in await store.AllArticleIdsAsync(cancellationToken))
        {
            var article = await store.GetArticleAsync(id, cancellationToken);
            if (article is null || article.Language != change.Language || (change.Source is not null && article.SourceSlug != change.Source)) continue;
            var original = article.Original;
            var text = string.Join('\n', new[] { original.Title, original.Teaser, original.Image?.Caption }.Concat(original.Paragraphs.Select(p => p.Text)));
            if (!patterns.Any(p => p.IsMatch(text))) continue;
            await translation.TranslateAsync(article, cancellationToken);
            count++;
        }
        return count;
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}

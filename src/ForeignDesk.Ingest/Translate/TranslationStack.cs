using ForeignDesk.Core;
using ForeignDesk.Ingest.Telemetry;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Puts the same layers around whichever engine was chosen: translation memory outermost, then the glossary of
/// the source language (and source), then sentence segmentation for units over the engine's limit.
/// </summary>
public sealed class TranslationStack
{
    private readonly TranslationUnitOptions options;
    private readonly GlossaryFile? glossary;
    private readonly ITranslationMemory? memory;
    private readonly IngestMetrics? metrics;
    private readonly IEngineUsageStore? usage;
    private readonly TimeProvider time;

    /// <param name="metrics">Counts what reaches the engine itself; none for the benchmark's plain stack.</param>
    /// <param name="usage">Counts each engine's use per day in the store (the admin area's engine page); none for the benchmark.</param>
    public TranslationStack(IOptions<TranslationUnitOptions> options, ITranslationMemory? memory = null, IngestMetrics? metrics = null,
        IEngineUsageStore? usage = null, TimeProvider? time = null)
    {
        this.metrics = metrics;
        this.usage = usage;
        this.time = time ?? TimeProvider.System;
        this.options = options.Value;
        glossary = string.IsNullOrWhiteSpace(this.options.GlossaryFile) ? null : new GlossaryFile(this.options.GlossaryFile);
        this.memory = this.options.UseMemory ? memory : null;
    }

    /// <summary>No memory, no glossary: only segmentation.</summary>
    public static TranslationStack Plain { get; } = new(Options.Create(new TranslationUnitOptions { UseMemory = false }));

    public GlossaryFile? Glossary => glossary;

    /// <param name="source">The source's slug, for its own glossary entries.</param>
    /// <param name="useMemory">False to measure the engine itself (the benchmark).</param>
    public ITranslationEngine For(ITranslationEngine engine, string from, string? source = null, bool useMemory = true)
    {
        var terms = glossary?.For(from, source) ?? GlossaryTerms.Empty;
        var counted = usage is null ? engine : new UsageRecordingTranslationEngine(engine, usage, time);
        var measured = metrics is null ? counted : new MeasuredTranslationEngine(counted, metrics);
        ITranslationEngine stacked = new SegmentingTranslationEngine(measured, options.MaxCharsFor(engine.Name));
        if (terms.Count > 0) stacked = new GlossaryTranslationEngine(stacked, terms);
        if (useMemory && memory is not null) stacked = new MemorizingTranslationEngine(stacked, memory, terms.Version);
        return stacked;
    }
}

using System.Globalization;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// The <c>retranslate</c> job: translates a stored article again, whatever its state, after a glossary change touched
/// its text. The translation memory is keyed by the glossary's version, so only the article's units that the change
/// affects go to the engine again; running the job twice gives the same translation. An article since removed is done.
/// </summary>
public sealed class RetranslationStage(IArticleStore store, TranslationStage translation) : IJobHandler
{
    public string Kind => JobKinds.Retranslate;

    public static JobRequest JobOf(long articleId) => new(JobKinds.Retranslate, articleId.ToString(CultureInfo.InvariantCulture));

    public async Task RunAsync(LeasedJob job, CancellationToken cancellationToken)
    {
        if (await store.GetArticleAsync(TranslationStage.ArticleIdOf(job), cancellationToken) is not { } article) return;
        await translation.TranslateAsync(article, cancellationToken);
    }
}

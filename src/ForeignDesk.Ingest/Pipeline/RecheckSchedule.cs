using System.Globalization;
using ForeignDesk.Core;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// When an article's page is checked again: check n (from 1) comes <see cref="PipelineOptions.FirstRecheck"/> × (2ⁿ − 1)
/// after the article was first seen (15 min, 45 min, 1 h 45, 3 h 45, …: each wait twice the one before), while it
/// falls inside <see cref="PipelineOptions.RecheckWindow"/> of the article's publication. The times follow from the
/// article and the check's number alone, so a check that runs twice schedules the same next one.
/// </summary>
public sealed class RecheckSchedule(IOptions<PipelineOptions> options)
{
    /// <summary>The job of check <paramref name="number"/> of the article; null when it would fall after the window.</summary>
    /// <param name="publishedUtc">The outlet's publication time, or null when it gave none (the window then starts at first seen).</param>
    public JobRequest? Check(long articleId, int number, DateTimeOffset firstSeenUtc, DateTimeOffset? publishedUtc)
    {
        var window = options.Value.RecheckWindow;
        if (window <= TimeSpan.Zero || number is < 1 or > 30) return null;
        var due = firstSeenUtc + options.Value.FirstRecheck * (Math.Pow(2, number) - 1);
        var start = publishedUtc is { } published && published < firstSeenUtc ? published : firstSeenUtc;
        return due > start + window ? null : new JobRequest(JobKinds.Recheck, Key(articleId, number), null, due);
    }

    /// <summary>The first check of an article: its job, or null when the window has closed already.</summary>
    public JobRequest? First(StoredArticle article) => Check(article.Id, 1, article.FirstSeenUtc, PublishedOf(article));

    /// <summary>The check after check <paramref name="number"/>; null when the window has closed.</summary>
    public JobRequest? After(StoredArticle article, int number) => Check(article.Id, number + 1, article.FirstSeenUtc, PublishedOf(article));

    private static DateTimeOffset? PublishedOf(StoredArticle article) => article.PublishedEstimated ? null : article.PublishedUtc;

    private static string Key(long articleId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{articleId}/{number}");

    /// <summary>The article id and check number of a recheck job's key.</summary>
    /// <exception cref="FormatException">The key is not "id/number"; the job fails.</exception>
    public static (long ArticleId, int Number) Parse(string key)
    {
        var slash = key.IndexOf('/');
        if (slash > 0
            && long.TryParse(key.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            return (id, number);
        throw new FormatException($"a recheck job's key is 'article id/check number', not '{key}'");
    }
}

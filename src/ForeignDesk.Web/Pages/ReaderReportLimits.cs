using System.Threading.RateLimiting;
using ForeignDesk.Web.Api;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// How many translation problems readers may report in an hour: <see cref="SiteOptions.ReportsPerAddressPerHour"/> from
/// one address (an IPv6 reader's /64) and <see cref="SiteOptions.ReportsPerArticlePerHour"/> about one article, counted
/// in this process's memory; no address is stored.
/// </summary>
internal sealed class ReaderReportLimits(IOptions<SiteOptions> options) : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<string> perAddress = Limiter(options.Value.ReportsPerAddressPerHour);
    private readonly PartitionedRateLimiter<string> perArticle = Limiter(options.Value.ReportsPerArticlePerHour);

    /// <summary>Takes one report from the address's allowance, then the article's; false when either is spent.</summary>
    public bool TryTake(System.Net.IPAddress? address, long articleId)
    {
        using var fromAddress = perAddress.AttemptAcquire(ApiRateLimits.ClientOf(address));
        if (!fromAddress.IsAcquired) return false;
        using var aboutArticle = perArticle.AttemptAcquire("article:" + articleId);
        return aboutArticle.IsAcquired;
    }

    /// <summary>Seconds until an allowance is given back, for <c>Retry-After</c>.</summary>
    public static int RetryAfterSeconds => (int)Window.TotalSeconds;

    private static PartitionedRateLimiter<string> Limiter(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        perAddress.Dispose();
        perArticle.Dispose();
    }
}

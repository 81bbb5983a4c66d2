using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ForeignDesk.Ingest.WebSub;

public static class WebSubServiceCollectionExtensions
{
    /// <summary>The subscriber, the callback and the <c>push</c> job (subscriptions kept by the registered <c>IWebSubSubscriptionStore</c>); its requests to hubs keep the fetcher's address rules; its public URL is <c>WebSub:PublicUrl</c>, else <c>Site:PublicUrl</c>.</summary>
    public static IServiceCollection AddWebSub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebSubOptions>().Bind(configuration.GetSection(WebSubOptions.Section))
            .PostConfigure(o => o.PublicUrl ??= configuration["Site:PublicUrl"])
            .Validate(o => o.LeaseSeconds >= 60, "WebSub:LeaseSeconds must be at least 60.")
            .Validate(o => o.VerifyTimeout > TimeSpan.Zero && o.RetryAfter > TimeSpan.Zero && o.MaintenanceInterval > TimeSpan.Zero,
                "WebSub:VerifyTimeout, RetryAfter and MaintenanceInterval must be positive.");
        // A hub that does not answer a subscription request in 20 s is tried again at the next upkeep, not waited for.
        services.AddHttpClient(WebSubSubscriber.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => Fetch.GuardedConnection.Handler(sp.GetRequiredService<IOptions<Fetch.FetchOptions>>().Value))
            .AddResilienceHandler("websub-hub", pipeline => pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(20) }));
        services.AddSingleton<LeaseClock>();
        services.AddSingleton<WebSubSubscriber>();
        services.AddSingleton<WebSubCallback>();
        services.AddSingleton<PushedFeedReader>();
        services.AddSingleton<Core.IJobHandler>(sp => sp.GetRequiredService<PushedFeedReader>());
        return services;
    }
}

using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>The contract of <see cref="IWebSubSubscriptionStore"/>: subscriptions kept whole, in the order first saved.</summary>
public abstract class WebSubSubscriptionStoreContract(StoreEngine engine) : StoreContract(engine)
{
    [Fact]
    public async Task Subscriptions_RoundTripReplaceListAndDelete()
    {
        var feed = new Uri("https://e.example/feed.xml");
        var first = new WebSubSubscription("s1", 1, feed, feed, new Uri("https://hub.example/"), "secret-1", WebSubState.Pending,
            Time.GetUtcNow(), TimeSpan.FromDays(10));
        var other = first with { Id = "s2", FeedUrl = new Uri("https://e.example/other.xml"), Hub = new Uri("https://hub2.example/") };
        var third = first with { Id = "s3", Hub = new Uri("https://hub3.example/"), State = WebSubState.Unsubscribing };
        await WebSub.SaveSubscriptionAsync(first, Ct);
        await WebSub.SaveSubscriptionAsync(other, Ct);
        await WebSub.SaveSubscriptionAsync(third, Ct);
        var verified = first with
        {
            State = WebSubState.Verified, VerifiedUtc = Time.GetUtcNow().AddMinutes(1), ExpiresUtc = Time.GetUtcNow().AddDays(5),
            Lease = TimeSpan.FromDays(5),
        };
        await WebSub.SaveSubscriptionAsync(verified, Ct);

        Assert.Equal(verified, await WebSub.FindSubscriptionAsync("s1", Ct));
        Assert.Equal(["s1", "s2", "s3"], (await WebSub.SubscriptionsAsync(Ct)).Select(s => s.Id));
        Assert.Equal([verified, third], await WebSub.SubscriptionsOfAsync(1, feed, Ct));
        Assert.Empty(await WebSub.SubscriptionsOfAsync(2, feed, Ct));
        await WebSub.DeleteSubscriptionAsync("s1", Ct);
        Assert.Null(await WebSub.FindSubscriptionAsync("s1", Ct));
        Assert.Equal(["s2", "s3"], (await WebSub.SubscriptionsAsync(Ct)).Select(s => s.Id));
    }
}

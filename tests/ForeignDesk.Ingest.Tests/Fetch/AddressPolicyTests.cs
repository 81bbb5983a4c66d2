using System.Net;
using System.Net.NetworkInformation;
using ForeignDesk.Ingest.Fetch;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Fetch;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.20.0.1", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00::1", "a unique-local address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    public void NonPublicReason_PrivateAddress_SaysWhy(string address, string reason) =>
        Assert.Equal(reason, AddressPolicy.NonPublicReason(IPAddress.Parse(address)));

    /// <summary>Every block of the IANA special-purpose registries that is not globally reachable, and IPv6 forms that carry one.</summary>
    [Theory]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("192.0.0.8", "reserved")]
    [InlineData("192.0.2.2", "documentation")]
    [InlineData("198.51.100.7", "documentation")]
    [InlineData("203.0.113.200", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("198.19.255.255", "benchmarking")]
    [InlineData("192.88.99.1", "reserved")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::ffff:192.0.2.1", "documentation")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("::127.0.0.1", "IPv4-compatible")]
    [InlineData("64:ff9b::7f00:1", "loopback address in NAT64 form")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local address in NAT64 form")]
    [InlineData("64:ff9b::c000:201", "documentation address in NAT64 form")]
    [InlineData("64:ff9b:1::808:808", "local-use NAT64")]
    [InlineData("2002:7f00:1::1", "loopback address in 6to4 form")]
    [InlineData("2002:a00:1::1", "private address in 6to4 form")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    [InlineData("2001:2::1", "reserved")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("3fff::1", "documentation")]
    [InlineData("100::1", "reserved")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("5f00::1", "reserved")]
    public void NonPublicReason_SpecialPurposeAddress_IsRefused(string address, string reason) =>
        Assert.Contains(reason, AddressPolicy.NonPublicReason(IPAddress.Parse(address)) ?? "(allowed)", StringComparison.Ordinal);

    [Fact]
    public void NonPublicReason_EveryAddressOfThisMachine_IsRefused()
    {
        var own = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList();

        Assert.NotEmpty(own);
        Assert.All(own, address => Assert.NotNull(AddressPolicy.NonPublicReason(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("2001:200::1")]
    [InlineData("192.0.3.1")]
    [InlineData("198.20.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void NonPublicReason_PublicAddress_IsNull(string address) =>
        Assert.Null(AddressPolicy.NonPublicReason(IPAddress.Parse(address)));
}

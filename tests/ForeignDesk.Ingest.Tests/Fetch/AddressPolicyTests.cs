using System.Net;
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

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void NonPublicReason_PublicAddress_IsNull(string address) =>
        Assert.Null(AddressPolicy.NonPublicReason(IPAddress.Parse(address)));
}

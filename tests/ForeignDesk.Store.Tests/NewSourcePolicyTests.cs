using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests;

public sealed class NewSourcePolicyTests
{
    [Theory]
    [InlineData(null, SourcePolicy.Full)]
    [InlineData("", SourcePolicy.Full)]
    [InlineData("full", SourcePolicy.Full)]
    [InlineData(" Summary ", SourcePolicy.Summary)]
    [InlineData("HEADLINE", SourcePolicy.Headline)]
    public void Parse_APolicyName_InAnyCase(string? setting, SourcePolicy expected) =>
        Assert.Equal(expected, NewSourcePolicy.Parse(setting).Policy);

    [Theory]
    [InlineData("withdrawn")]
    [InlineData("2")]
    [InlineData("partial")]
    public void Parse_WithdrawnANumberOrAnUnknownName_IsOneLineNamingTheSetting(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NewSourcePolicy.Parse(setting));
        Assert.Equal($"ForeignDesk__Sources__DefaultPolicy is '{setting}': use full (the default), summary or headline.", error.Message);
    }
}

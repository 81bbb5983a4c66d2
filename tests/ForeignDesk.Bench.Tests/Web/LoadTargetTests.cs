using ForeignDesk.Bench.Web;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class LoadTargetTests
{
    [Fact]
    public void LuaScript_FixedPath_IsNull()
    {
        Assert.Null(new LoadTarget("home", new Uri("http://127.0.0.1:1/"), "/").LuaScript());
    }

    [Fact]
    public void LuaScript_RandomPaths_ListsEveryPathEscaped()
    {
        var script = new LoadTarget("search", new Uri("http://127.0.0.1:1/"), "/search?q=a", ["/search?q=a", "/search?q=\"b\"", @"/x\y"]).LuaScript();

        Assert.NotNull(script);
        Assert.Contains("\"/search?q=a\"", script);
        Assert.Contains("\"/search?q=\\\"b\\\"\"", script);
        Assert.Contains("\"/x\\\\y\"", script);
        Assert.Contains("paths[math.random(#paths)]", script);
    }

    [Fact]
    public void ForWarmup_WithWarmupPaths_LoadsThoseAndNotTheMeasuredOnes()
    {
        var target = new LoadTarget("search", new Uri("http://127.0.0.1:1/"), "/search?q=a", ["/search?q=a"], ["/search?q=b", "/search?q=c"]);

        var warmup = target.ForWarmup();

        Assert.Equal("/search?q=b", warmup.Path);
        Assert.Contains("\"/search?q=c\"", warmup.LuaScript());
        Assert.DoesNotContain("\"/search?q=a\"", warmup.LuaScript());
        var home = new LoadTarget("home", target.Server, "/");
        Assert.Equal(home, home.ForWarmup());
    }
}

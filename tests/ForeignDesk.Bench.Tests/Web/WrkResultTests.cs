using ForeignDesk.Bench.Web;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class WrkResultTests
{
    private const string Quiet =
        """
        Running 2s test @ http://127.0.0.1:18777/
          2 threads and 10 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     7.03ms    2.94ms  22.19ms   73.82%
            Req/Sec   425.05    157.19   680.00     57.50%
          Latency Distribution
             50%    6.41ms
             75%    8.49ms
             90%   11.05ms
             99%   16.13ms
          1696 requests in 2.01s, 566.44KB read
        Requests/sec:    842.79
        Transfer/sec:    281.48KB
        """;

    private const string Troubled =
        """
        Running 10s test @ http://127.0.0.1:40000/article/1/a
          2 threads and 50 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     1.21s   400.00ms   1.90s    70.00%
            Req/Sec    30.00     10.00    50.00     60.00%
          Latency Distribution
             50%  850.00us
             75%  120.00ms
             90%    1.20s
             99%    1.85s
          412 requests in 10.02s, 4.10MB read
          Socket errors: connect 0, read 2, write 0, timeout 37
          Non-2xx or 3xx responses: 5
        Requests/sec:     41.12
        Transfer/sec:    419.00KB
        """;

    [Fact]
    public void Parse_CapturedReport_ReadsRateAndPercentilesInMilliseconds()
    {
        var result = WrkResult.Parse(Quiet);

        Assert.Equal(842.79, result.RequestsPerSecond, 3);
        Assert.Equal(6.41, result.P50Ms, 3);
        Assert.Equal(16.13, result.P99Ms, 3);
        Assert.Equal(1696, result.Requests);
        Assert.Equal(0, result.Errors);
    }

    [Fact]
    public void Parse_MicrosecondsSecondsAndErrors_ConvertsUnitsAndCountsEveryError()
    {
        var result = WrkResult.Parse(Troubled);

        Assert.Equal(0.85, result.P50Ms, 3);
        Assert.Equal(1850, result.P99Ms, 3);
        Assert.Equal(41.12, result.RequestsPerSecond, 3);
        Assert.Equal(2 + 37 + 5, result.Errors);
    }

    [Fact]
    public void Parse_NotAWrkReport_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => WrkResult.Parse("unable to connect to 127.0.0.1:1 Connection refused"));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace ForeignDesk.Bench.Web;

/// <summary>What one wrk run measured: requests per second, the median and 99th-percentile latency, and failures.</summary>
/// <param name="Errors">Socket errors (connect, read, write, timeout) and responses other than 2xx or 3xx.</param>
internal sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors)
{
    /// <summary>Reads the report of <c>wrk --latency</c>.</summary>
    /// <exception cref="FormatException">The report has no request rate or no latency distribution.</exception>
    public static WrkResult Parse(string output)
    {
        var rate = RateLine().Match(output);
        var p50 = Percentile(output, "50");
        var p99 = Percentile(output, "99");
        if (!rate.Success || p50 is null || p99 is null)
            throw new FormatException($"not a wrk --latency report: {output.Trim()}");
        var requests = RequestsLine().Match(output) is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        long errors = 0;
        if (SocketErrors().Match(output) is { Success: true } socket)
            errors += Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture));
        if (Non2xx().Match(output) is { Success: true } bad) errors += long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture);
        return new WrkResult(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), p50.Value, p99.Value, requests, errors);
    }

    private static double? Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}%\s+([0-9.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        if (!match.Success) return null;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return value * match.Groups[2].Value switch
        {
            "us" => 0.001,
            "ms" => 1,
            "s" => 1000,
            "m" => 60_000,
            _ => 3_600_000,
        };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s+(\d+) requests in ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Non2xx();
}

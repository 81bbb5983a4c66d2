using System.Diagnostics;

namespace ForeignDesk.Web.Tests.EndToEnd;

/// <summary>Plain Apertium on the command line: what the tests expect the site to show, computed independently.</summary>
internal static class RawApertium
{
    public static async Task<string> TranslateAsync(string pipeline, string text, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", ["-c", pipeline])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start apertium");
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return output.Trim();
    }

    public static Task<string> SpanishAsync(string text, CancellationToken cancellationToken) =>
        TranslateAsync("apertium -u spa-eng", text, cancellationToken);

    public static Task<string> FrenchAsync(string text, CancellationToken cancellationToken) =>
        TranslateAsync("apertium -u fr-es | apertium -u spa-eng", text, cancellationToken);
}

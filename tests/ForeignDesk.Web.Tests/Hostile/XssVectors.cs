using System.Text.RegularExpressions;

namespace ForeignDesk.Web.Tests.Hostile;

/// <summary>The XSS filter-evasion vectors in <c>xss-vectors.txt</c>, beside the test assembly.</summary>
internal static class XssVectors
{
    /// <summary>URLs an outlet can name where a link or an image is expected.</summary>
    public static readonly string[] Urls =
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(2)",
        "java&#x0A;script:alert(3)",
        "&#106;avascript:alert(4)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(5)",
        "javascript&colon;alert(6)",
        "jav\tascript:alert(7)",
        "http://evil.example/a.png\" onerror=\"alert(8)",
        "https://evil.example/b.png'><script>alert(9)</script>",
        "//evil.example/c.png\"><svg onload=alert(10)>",
    ];

    public static IReadOnlyList<string> All { get; } = Load();

    /// <summary>The hosts the vectors name in http(s) URLs.</summary>
    public static IEnumerable<string> NamedHosts() =>
        All.SelectMany(v => Regex.Matches(v, @"https?://([A-Za-z0-9.\-]+(?::[0-9]+)?)").Select(m => m.Groups[1].Value)).Distinct(StringComparer.OrdinalIgnoreCase);

    private static string[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Hostile", "xss-vectors.txt");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Replace("\\0", "\0", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal))
            .ToArray();
    }
}

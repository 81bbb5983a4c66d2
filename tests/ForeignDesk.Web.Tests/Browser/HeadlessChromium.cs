using Microsoft.Playwright;
using Xunit;

namespace ForeignDesk.Web.Tests.Browser;

/// <summary>The system's Chromium, headless, for browser tests; and where their screenshots go.</summary>
internal static class HeadlessChromium
{
    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Skips the test when Chromium is not installed (fails it on CI).</summary>
    public static void Require()
    {
        if (File.Exists(ChromiumPath)) return;
        var message = $"Chromium is not installed at {ChromiumPath}; browser tests need the system Chromium (apt-get install chromium).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Skip(message);
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });

    /// <summary>artifacts/screenshots under the repository root (the folder holding ForeignDesk.slnx).</summary>
    public static string ScreenshotFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ForeignDesk.slnx"))) directory = directory.Parent;
        var root = directory?.FullName ?? Directory.GetCurrentDirectory();
        return Directory.CreateDirectory(Path.Combine(root, "artifacts", "screenshots")).FullName;
    }
}

namespace ForeignDesk.Tests.Shared;

/// <summary>
/// The read-only corpora and benchmarks beside the repository (../shared), found by walking up from the test
/// binaries. A fresh clone has none: tests that need them skip with a clear message.
/// </summary>
internal static class SharedFolder
{
    /// <summary>The folder <c>shared/<paramref name="relative"/></c> holding <paramref name="marker"/>, or null.</summary>
    public static string? Find(string relative, string marker)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (Path.Exists(Path.Combine(candidate, marker))) return candidate;
        }
        return null;
    }

    public static string SkipMessage(string relative) =>
        $"../shared/{relative} is not beside this checkout; this case runs where the shared corpora are present.";
}

namespace ForeignDesk.Web.Admin;

/// <summary>The admin area's addresses.</summary>
internal static class AdminPaths
{
    public const string Root = "/admin";
    public const string SignIn = "/admin/sign-in";
    public const string SignOut = "/admin/sign-out";
    public const string Stylesheet = "/admin/admin.css";

    /// <summary>Where to go after signing in: a path of the admin area, else its front page.</summary>
    public static string Return(string? requested) =>
        requested is { Length: > 0 } path && (path == Root || path.StartsWith(Root + "/", StringComparison.Ordinal) || path.StartsWith(Root + "?", StringComparison.Ordinal))
            && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\')
            ? path
            : Root;
}

using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Web.Admin;

/// <summary>The operator area at <c>/admin</c>. Bound from the <c>Admin</c> configuration section.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Wrong passwords in a row that lock an operator's account.</summary>
    /// <value>Defaults to 5.</value>
    [Range(1, 100)]
    public int LockoutAfterFailures { get; set; } = 5;

    /// <summary>How long a locked account refuses every sign-in, the right password included.</summary>
    /// <value>Defaults to 15 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a session lasts without a request; every request starts it again (sliding).</summary>
    /// <value>Defaults to 8 hours.</value>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The shortest password <c>admin add</c> accepts.</summary>
    /// <value>Defaults to 12 characters.</value>
    [Range(8, 1024)]
    public int MinPasswordLength { get; set; } = 12;
}

namespace ForeignDesk.Web.Admin;

/// <summary>What an operator's name may be: 1 to 64 letters, digits, dots, dashes, underscores or @.</summary>
public static class OperatorNames
{
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="name"/> is a valid operator name, else why it is not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "an operator needs a name";
        if (name.Length > MaxLength) return $"an operator's name has at most {MaxLength} characters";
        return name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@')
            ? null
            : "an operator's name holds only letters, digits, '.', '-', '_' and '@'";
    }
}

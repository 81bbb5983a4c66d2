namespace ForeignDesk.Bench;

/// <summary>A bench of <c>foreigndesk bench</c>: its name, what it measures, how it runs and the options it reads.</summary>
public sealed record BenchDefinition(
    string Name,
    string Description,
    Func<BenchContext, CancellationToken, Task<int>> RunAsync,
    IReadOnlyList<BenchOption> Options);

/// <summary>An option a bench reads with <see cref="BenchContext.Option"/>: <c>--NAME VALUE</c>.</summary>
/// <param name="Name">Without its dashes.</param>
/// <param name="Value">What the value is called in help.</param>
/// <param name="ValueOptional">Given alone, it stands for a default value.</param>
/// <param name="Hidden">Used by the benches themselves (a bench that starts its own processes), not shown in help.</param>
public sealed record BenchOption(string Name, string Description, string Value = "N", bool ValueOptional = false, bool Hidden = false);

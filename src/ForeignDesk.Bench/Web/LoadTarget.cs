namespace ForeignDesk.Bench.Web;

/// <summary>
/// One kind of page to load: a name, the server and a fixed path, or a set of paths of which each request takes one
/// at random (through a wrk Lua script); for its unmeasured warm-up, other random paths of the same kind when given
/// (pages whose first rendering the measured run should still meet).
/// </summary>
internal sealed record LoadTarget(string Name, Uri Server, string Path, IReadOnlyList<string>? RandomPaths = null, IReadOnlyList<string>? WarmupPaths = null)
{
    /// <summary>The target the warm-up loads: the same, on <see cref="WarmupPaths"/> where given.</summary>
    public LoadTarget ForWarmup() => WarmupPaths is { Count: > 0 } others ? this with { Path = others[0], RandomPaths = others } : this;

    /// <summary>The wrk Lua script that requests a random path of <see cref="RandomPaths"/>; null for a fixed path.</summary>
    public string? LuaScript() => RandomPaths is null ? null
        : $$"""
            local paths = {
            {{string.Join(",\n", RandomPaths.Select(p => "  \"" + p.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""))}}
            }
            math.randomseed(os.time() + math.floor(os.clock() * 1000000))
            request = function()
              return wrk.format("GET", paths[math.random(#paths)])
            end
            """;
}

namespace ForeignDesk.Bench.Web;

/// <summary>
/// One kind of page to load: a name, the server and a fixed path, or a set of paths of which each request takes one
/// at random (through a wrk Lua script).
/// </summary>
internal sealed record LoadTarget(string Name, Uri Server, string Path, IReadOnlyList<string>? RandomPaths = null)
{
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

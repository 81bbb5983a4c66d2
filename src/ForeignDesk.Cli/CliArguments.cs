namespace ForeignDesk.Cli;

/// <summary>A command line split into words and <c>--name value</c> / <c>--flag</c> options.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var arg = list[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                var eq = name.IndexOf('=');
                if (eq >= 0) _options[name[..eq]] = name[(eq + 1)..];
                else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) && !IsFlag(name))
                    _options[name] = list[++i];
                else _options[name] = null;
            }
            else _words.Add(arg);
        }
    }

    /// <summary>Options that never take a value.</summary>
    private static bool IsFlag(string name) => CommandOptions.IsFlag(name);

    public IReadOnlyList<string> Words => _words;

    /// <summary>The names of the options given, without their dashes.</summary>
    public IReadOnlyCollection<string> OptionNames => _options.Keys;

    /// <summary>Every <c>--name value</c> given (a flag's value is null).</summary>
    public IReadOnlyDictionary<string, string?> Options => _options;

    public string? Word(int index) => index < _words.Count ? _words[index] : null;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string RequireOption(string name) =>
        Option(name) ?? throw new UsageException($"--{name} is required");
}

public sealed class UsageException(string message) : Exception(message);

/// <summary>A file or folder the command was given is missing or is not what it needs: one line, exit 1.</summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);

using System.CommandLine;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk completion bash|zsh|fish</c>: a completion script for the shell. Completion itself is
/// System.CommandLine's <c>[suggest:POSITION]</c> directive: each script hands it the line typed so far after the
/// program's name (with its leading space) and the cursor's place in it, and offers the words it prints, one a line.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # foreigndesk completion for bash: source <(./foreigndesk completion bash)
        _foreigndesk_complete() {
            local program="${COMP_WORDS[0]}"
            local line="${COMP_LINE:${#program}}"
            local position=$(( COMP_POINT - ${#program} ))
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$("$program" "[suggest:$position]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -F _foreigndesk_complete foreigndesk ./foreigndesk
        """;

    private const string Zsh = """
        #compdef foreigndesk
        # foreigndesk completion for zsh, after compinit: source <(./foreigndesk completion zsh)
        _foreigndesk() {
            local program=${words[1]}
            local line=" ${(j: :)words[2,CURRENT]}"
            local -a suggestions
            suggestions=( ${(f)"$("$program" "[suggest:${#line}]" "$line" 2>/dev/null)"} )
            compadd -a suggestions
        }
        compdef _foreigndesk foreigndesk ./foreigndesk
        """;

    private const string Fish = """
        # foreigndesk completion for fish: ./foreigndesk completion fish | source
        function __foreigndesk_complete
            set -l tokens (commandline -opc)
            set -l program $tokens[1]
            set -e tokens[1]
            set -l current (commandline -ct)
            set -l line " "(string join ' ' -- $tokens "$current")
            $program "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c foreigndesk -f -a '(__foreigndesk_complete)'
        complete -p '*/foreigndesk' -f -a '(__foreigndesk_complete)'
        """;

    /// <summary>The shells a script is written for, and each one's script.</summary>
    public static readonly IReadOnlyDictionary<string, string> Scripts = new Dictionary<string, string>
    {
        ["bash"] = Bash,
        ["zsh"] = Zsh,
        ["fish"] = Fish,
    };

    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: " + string.Join(", ", Scripts.Keys) };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        var command = new Command("completion", "Print a shell completion script (bash, zsh or fish)") { shell };
        command.SetAction(parse => Console.WriteLine(Scripts[parse.GetValue(shell)!]));
        return command;
    }
}

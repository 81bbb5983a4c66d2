using System.CommandLine;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk completion bash</c>: a completion script for the shell. Completion itself is System.CommandLine's
/// <c>[suggest:POSITION]</c> directive: the script hands it the line typed so far and offers what it prints.
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

    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash" };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print a shell completion script") { shell };
        command.SetAction(_ => Console.WriteLine(Bash));
        return command;
    }
}

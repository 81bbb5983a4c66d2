using System.CommandLine;
using ForeignDesk.Cli.Commands;

namespace ForeignDesk.Cli;

/// <summary>
/// Every command of <c>foreigndesk</c>, each registered by one line: its class builds its <see cref="Command"/>
/// (options, arguments, help, action). <c>--data</c>, <c>--help</c> and <c>--version</c> apply to all.
/// </summary>
public static class CommandTree
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ForeignDesk: foreign-language news, followed, extracted and translated into English.")
        {
            CommandHost.DataOption,
            ServeCommand.Create(),
            WorkerCommand.Create(),
            IngestCommand.Create(),
            JobsCommand.Create(),
            SourcesCommand.Create(),
            FeedCommand.Create(),
            ExtractCommand.Create(),
            TranslateCommand.Create(),
            EnginesCommand.Create(),
            GlossaryCommand.Create(),
            ReprocessCommand.Create(),
            CategoriesCommand.Create(),
            ClusterCommand.Create(),
            BackupCommand.Create(),
            RestoreCommand.Create(),
            AdminCommand.Create(),
            BenchComposition.Create(),
            CompletionCommand.Create(),
        };
        root.SetAction(parse => CommandRunner.WriteHelp(parse, Console.Out));
        var help = new Command("help", "The same as --help") { Hidden = true };
        help.SetAction(_ => CommandRunner.WriteHelp(root.Parse([]), Console.Out));
        root.Add(help);
        RefuseOptionsAsValues(root);
        return root;
    }

    /// <summary>
    /// An option that takes a value and is followed by another option (<c>--from --no-memory</c>) has no value: the
    /// parser would take the next option's name as one.
    /// </summary>
    private static void RefuseOptionsAsValues(Command command)
    {
        foreach (var option in command.Options.Where(o => o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0))
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.Any(t => t.Value.StartsWith("--", StringComparison.Ordinal))) result.AddError($"{option.Name} needs a value");
            });
        }
        foreach (var subcommand in command.Subcommands) RefuseOptionsAsValues(subcommand);
    }
}

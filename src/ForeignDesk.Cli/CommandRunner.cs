using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using ForeignDesk.Cli.Commands;

namespace ForeignDesk.Cli;

/// <summary>
/// Parses a command line and runs it. Whatever goes wrong ends with one line on standard error, never a stack trace:
/// exit 2 for bad usage (followed by the command's help and, for a misspelt word, the nearest ones), 1 for a file, a
/// disk, a port, a database or a setting that fails, 130 when stopped.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var parse = CommandTree.Build().Parse(args);
        if (parse.Action is ParseErrorAction) return ReportParseErrors(parse);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"foreigndesk: {ex.Message}");
            WriteHelp(parse, Console.Error);
            return 2;
        }
        catch (InputException ex)
        {
            Console.Error.WriteLine($"foreigndesk: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException
            or System.Data.Common.DbException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            // Whatever else goes wrong outside (a disk, a port, a database, a setting) ends with one line, not a stack trace.
            Console.Error.WriteLine($"foreigndesk: {ex.Message}{FullDisk.Note(ex, parse.GetValue(CommandHost.DataOption))}");
            return 1;
        }
    }

    /// <summary>The help of the command <paramref name="parse"/> ended on, as <c>--help</c> prints it.</summary>
    public static int WriteHelp(ParseResult parse, TextWriter writer)
    {
        var path = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent) path.Insert(0, result.Command.Name);
        var root = parse.RootCommandResult.Command;
        return root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = writer });
    }

    /// <summary>One line per error, the library's typo suggestions, then the help of the command they belong to.</summary>
    private static int ReportParseErrors(ParseResult parse)
    {
        // An option's own error first: a missing value makes the next words look unrecognized too.
        foreach (var error in parse.Errors.OrderBy(e => e.SymbolResult is OptionResult or ArgumentResult ? 0 : 1))
            Console.Error.WriteLine($"foreigndesk: {error.Message}");
        var action = (ParseErrorAction)parse.Action!;
        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        using var suggestions = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = suggestions, Error = TextWriter.Null });
        if (suggestions.ToString().Trim() is { Length: > 0 } text) Console.Error.WriteLine(text);
        Console.Error.WriteLine();
        WriteHelp(parse, Console.Error);
        return 2;
    }
}

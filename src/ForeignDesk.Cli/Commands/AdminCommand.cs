using System.CommandLine;
using System.Text;
using ForeignDesk.Web.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk admin add USER</c>: adds an operator of the admin area. The password is read from standard input
/// (the first line when it is a pipe or a file; typed twice without echo on a terminal), never from an argument,
/// which other users of the machine could read in the process list.
/// </summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var user = new Argument<string>("USER") { Description = "The operator's name" };
        user.Validators.Add(r =>
        {
            if (OperatorNames.Problem(r.GetValueOrDefault<string>() ?? "") is { } problem) r.AddError(problem);
        });
        var add = new Command("add", "Add an operator of /admin; the password is read from standard input, never from an argument") { user };
        add.SetAction(async (parse, ct) =>
        {
            var password = ReadPassword(Console.In, Console.IsInputRedirected);
            await using var app = await CommandHost.OpenAsync(parse, ct);
            return await AddAsync(app.Services, parse.GetRequiredValue(user), password, Console.Out, ct);
        });
        return new Command("admin", "The operators of the admin area (/admin)") { add };
    }

    /// <summary>Adds the operator; 0 when added, else one line on why not and an <see cref="InputException"/>.</summary>
    public static async Task<int> AddAsync(IServiceProvider services, string name, string password, TextWriter output, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<OperatorAccounts>().AddAsync(name, password, cancellationToken) is { } refused)
            throw new InputException(refused);
        await output.WriteLineAsync($"added operator {name}: sign in at /admin");
        return 0;
    }

    private static string ReadPassword(TextReader input, bool redirected)
    {
        if (redirected)
            return input.ReadLine() is { Length: > 0 } line ? line : throw new InputException("admin add needs the password on the first line of standard input");
        var first = ReadHidden("Password: ");
        var second = ReadHidden("Password again: ");
        return first == second ? first : throw new InputException("the two passwords differ");
    }

    /// <summary>A line typed on the terminal without echoing it.</summary>
    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}

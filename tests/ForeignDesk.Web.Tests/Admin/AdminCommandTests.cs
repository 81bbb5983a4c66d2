using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using ForeignDesk.Web.Tests.Cli;
using Xunit;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary><c>foreigndesk admin add USER</c>: the password from standard input, hashed, never from an argument.</summary>
public sealed class AdminCommandTests : IDisposable
{
    private readonly TemporaryDataFolder _folder = new("foreigndesk-admin-cli-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AdminAdd_PasswordFromStandardInput_StoresOnlyAHash()
    {
        var added = await CliProcess.RunAsync(_folder.Path, "correct horse battery staple\n", Ct, "admin", "add", "chief");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added operator chief", added.Output);

        var store = new SqliteArticleStore(Path.Combine(_folder.Path, "foreigndesk.db"), TimeProvider.System);
        var account = await ((IOperatorStore)store).FindOperatorAsync("CHIEF", Ct);
        Assert.NotNull(account);
        Assert.DoesNotContain("correct horse", account.PasswordHash);
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Success,
            new ForeignDesk.Web.Admin.OperatorPasswords().Verify(account.PasswordHash, "correct horse battery staple"));

        var again = await CliProcess.RunAsync(_folder.Path, "another long password\n", Ct, "admin", "add", "Chief");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("exists already", again.Error);
    }

    [Fact]
    public async Task AdminAdd_RefusesAPasswordArgument_AShortPassword_AndABadName()
    {
        var argument = await CliProcess.RunAsync(_folder.Path, "", Ct, "admin", "add", "chief", "hunter2hunter2");
        Assert.Equal(2, argument.ExitCode);
        Assert.Contains("never from an argument", argument.Error);

        var shortPassword = await CliProcess.RunAsync(_folder.Path, "short\n", Ct, "admin", "add", "chief");
        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("at least 12 characters", shortPassword.Error);

        var badName = await CliProcess.RunAsync(_folder.Path, "correct horse battery staple\n", Ct, "admin", "add", "chief<script>");
        Assert.Equal(2, badName.ExitCode);
        Assert.DoesNotContain("   at ", badName.Error);
    }
}

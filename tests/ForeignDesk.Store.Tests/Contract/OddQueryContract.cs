using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>Whatever a reader types gives results or a clear message, never an exception.</summary>
public abstract class OddQueryContract(StoreEngine engine) : StoreContract(engine)
{

    protected override async Task SeedAsync()
    {
        var outlet = await OutletAsync("Al Jazeera Test", "ar", "News/World", Ct);
        await ArticleAsync(outlet, "الحكومة تقر الميزانية", "وافق البرلمان على الميزانية.", "Government and unions: budget NEAR agreement",
            "The budget AND the reform 🎉 were approved (finally).", Now, Ct);
    }

    public static TheoryData<string, bool> Inputs => new()
    {
        // input, whether it should find the article
        { "budget", true },
        { "BUDGET", true },
        { "AND", true },
        { "budget AND", true },
        { "budget OR", false },
        { "NEAR", true },
        { "NEAR(budget reform, 2)", false },
        { "budget NOT reform", false },
        { "title_en:budget", false },
        { "^budget", true },
        { "budget*", true },
        { "bud*", true },
        { "(budget", true },
        { "budget)", true },
        { "((( )))", false },
        { "\"budget", true },
        { "budget\"", true },
        { "\"", false },
        { "\"\"", false },
        { "\"\"\"budget\"\"\"", true },
        { "budget\" OR \"x", false },
        { "'; DROP TABLE articles; --", false },
        { "budget' OR '1'='1", false },
        { "*", false },
        { "-", false },
        { "- -budget", false },
        { "--budget", false },
        { "🎉", true },
        { "budget 🎉", true },
        { "الميزانية", true },
        { "\u200Fالميزانية\u200F", true },
        { "budget\0reform", false },
        { "\ud800budget", true },
        { "{budget}", true },
        { "budget:reform", false },
        { "+budget", true },
        { "!@#$%^&*()_+=[]|\\;:,.<>/?~`", false },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task SearchAsync_OddInput_GivesResultsOrAMessage(string input, bool finds)
    {
        var results = await Search.SearchAsync(new SearchQuery(input), Ct);

        if (finds)
        {
            Assert.Null(results.Message);
            Assert.Single(results.Hits);
        }
        else
        {
            Assert.True(results.Message is not null || results.Hits.Count == 0, results.Message);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("-budget")]
    [InlineData("\"\"")]
    [InlineData("()*^:")]
    public async Task SearchAsync_NothingToLookFor_SaysSo(string? input)
    {
        var results = await Search.SearchAsync(new SearchQuery(input), Ct);
        Assert.Empty(results.Hits);
        Assert.False(string.IsNullOrWhiteSpace(results.Message));
    }

    [Fact]
    public async Task SearchAsync_TenThousandCharacters_SaysItIsTooLong()
    {
        var results = await Search.SearchAsync(new SearchQuery(string.Concat(Enumerable.Repeat("budget ", 1429))), Ct);
        Assert.Empty(results.Hits);
        Assert.Contains("too long", results.Message);
    }

    [Fact]
    public async Task SearchAsync_ManyWords_SaysThereAreTooMany()
    {
        var results = await Search.SearchAsync(new SearchQuery(string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}"))), Ct);
        Assert.Contains("too many words", results.Message);
    }
}

using ForeignDesk.Discover.Categories;
using Xunit;

namespace ForeignDesk.Discover.Tests.Categories;

public sealed class NaiveBayesClassifierTests
{
    internal static readonly (string Text, string Category)[] Labelled =
    [
        ("The striker scored twice as the club won the league match", "Sports"),
        ("The coach praised the goalkeeper after the cup final", "Sports"),
        ("The tennis champion won the tournament in straight sets", "Sports"),
        ("The team lost the match after a late goal by the striker", "Sports"),
        ("Parliament votes on the new law proposed by the minister", "News/Politics"),
        ("The prime minister called early elections after the coalition collapsed", "News/Politics"),
        ("Opposition parties criticised the government over the vote in parliament", "News/Politics"),
        ("The minister resigned after the election defeat of the party", "News/Politics"),
        ("Shares fell as the central bank raised interest rates", "Business"),
        ("The company reported record profits and higher sales", "Business"),
        ("Inflation and unemployment weigh on the economy and the markets", "Business"),
        ("Investors sold shares as the bank warned about profits", "Business"),
        ("Doctors warn of a flu outbreak filling hospitals", "Health"),
        ("A new vaccine reduces hospital admissions, patients study shows", "Health"),
        ("The hospital treated patients for the virus infection", "Health"),
        ("Doctors and nurses strike over hospital conditions for patients", "Health"),
    ];

    [Theory]
    [InlineData("The goalkeeper saved a penalty and the club won the match", "Sports")]
    [InlineData("The party lost seats in parliament and the minister faces a vote", "News/Politics")]
    [InlineData("The bank cut interest rates and shares rose on the markets", "Business")]
    [InlineData("Patients wait for hours as hospitals fill during the flu outbreak", "Health")]
    public void Predict_NewText_GivesTheRightCategory(string text, string category)
    {
        var model = NaiveBayesClassifier.Train(Labelled);

        var guess = model.Predict(text);

        Assert.NotNull(guess);
        Assert.Equal(category, guess.Value.Category);
        Assert.InRange(guess.Value.Probability, 0.5, 1.0);
    }

    [Fact]
    public void Predict_TextWithNoKnownWords_IsUnsure()
    {
        var model = NaiveBayesClassifier.Train(Labelled);
        var guess = model.Predict("Zxqv plorb");
        Assert.NotNull(guess);
        Assert.True(guess.Value.Probability < ArticleCategorizer.MinConfidence);
        Assert.Null(model.Predict("a an of"));
    }
}

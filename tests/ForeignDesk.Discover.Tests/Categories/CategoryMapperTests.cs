using ForeignDesk.Discover.Categories;
using Xunit;

namespace ForeignDesk.Discover.Tests.Categories;

public sealed class CategoryMapperTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("foreigndesk-categories-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Política", "News/Politics")]
    [InlineData("Politique", "News/Politics")]
    [InlineData("POLITICA", "News/Politics")]
    [InlineData("Politik", "News/Politics")]
    [InlineData("Internacional", "News/World")]
    [InlineData("International", "News/World")]
    [InlineData("Ausland", "News/World")]
    [InlineData("Esteri", "News/World")]
    [InlineData("Economía", "Business")]
    [InlineData("Économie", "Business")]
    [InlineData("Wirtschaft", "Business")]
    [InlineData("Economía y Negocios", "Business")]
    [InlineData("Deportes", "Sports")]
    [InlineData("Sport", "Sports")]
    [InlineData("Esports", "Sports")]
    [InlineData("Fußball", "Sports")]
    [InlineData("Tecnología", "Tech")]
    [InlineData("Ciencia", "Science")]
    [InlineData("Wissenschaft", "Science")]
    [InlineData("Medio ambiente", "Science")]
    [InlineData("Salud", "Health")]
    [InlineData("Santé", "Health")]
    [InlineData("Cultura", "Life/Entertainment")]
    [InlineData("Spettacoli", "Life/Entertainment")]
    [InlineData("Opinión", "Opinion")]
    [InlineData("Meinung", "Opinion")]
    [InlineData("Opinió", "Opinion")]
    [InlineData("رياضة", "Sports")]
    [InlineData("Спорт", "Sports")]
    public void Map_SectionInItsLanguage_GivesTheCategory(string section, string category)
    {
        var choice = new CategoryMapper(new SectionMap(null)).Map(section, "https://outlet.example/a/b", "News/World");
        Assert.Equal(new CategoryChoice(category, CategoryBasis.Section), choice);
    }

    [Fact]
    public void Map_NoSection_UsesTheUrlPathThenTheSourceDefault()
    {
        var mapper = new CategoryMapper(new SectionMap(null));

        Assert.Equal(new CategoryChoice("Sports", CategoryBasis.UrlPath), mapper.Map(null, "https://diario.example/deportes/futbol/el-madrid-gana.html", "News/Politics"));
        Assert.Equal(new CategoryChoice("News/Politics", CategoryBasis.SourceDefault), mapper.Map("Portada", "https://diario.example/2026/11/29/noticia.html", "News/Politics"));
        Assert.Equal("Sports", mapper.Map(null, "https://kicker.example/x", "Fussball").Category);
        Assert.Equal(CategoryTaxonomy.Fallback, mapper.Map(null, "https://x.example/y", "Whatever").Category);
    }

    [Fact]
    public async Task MapAsync_EditedRow_OverridesTheDefaultAndIsReadBack()
    {
        var file = Path.Combine(_folder, SectionMap.FileName);
        var map = new SectionMap(file);
        Assert.Null(map.Lookup("Sucesos"));
        Assert.Equal("Life/Entertainment", map.Lookup("Gente"));

        Assert.Null(await map.MapAsync("Sucesos", "news/world", Ct));
        Assert.Null(await map.MapAsync("Gente", "Opinion", Ct));

        var reread = new SectionMap(file);
        Assert.Equal("News/World", reread.Lookup("SUCESOS"));
        Assert.Equal("Opinion", reread.Lookup("gente"));
        Assert.Contains(reread.Entries(), e => e is { Section: "sucesos", Category: "News/World", Edited: true });
        Assert.Equal("Opinion", map.Lookup("Gente"));
    }

    [Fact]
    public async Task MapAsync_UnknownCategory_IsRefusedAndNothingIsWritten()
    {
        var file = Path.Combine(_folder, SectionMap.FileName);
        var map = new SectionMap(file);

        var problem = await map.MapAsync("Sucesos", "Crime", Ct);

        Assert.Contains("not a category", problem);
        Assert.False(File.Exists(file));
    }
}

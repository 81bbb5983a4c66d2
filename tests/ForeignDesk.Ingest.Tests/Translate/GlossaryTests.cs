using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class GlossaryTests
{
    [Fact]
    public async Task TranslateAsync_KeptTermAndForcedRendering_AppliedWithApertium()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        await using var engine = ApertiumEngineTests.NewEngine();
        var plain = (await engine.TranslateAsync(new TranslationRequest("es", "en", ["Según La Razón, la casa del PSOE es muy grande."], SegmentFormat.Text), ct)).Segments.Single();
        workspace.Glossary.Add(new GlossaryEntry("es", "La Razón"));
        workspace.Glossary.Add(new GlossaryEntry("es", "PSOE", "Spanish Socialist Party"));

        var units = workspace.Stack(useMemory: false).For(engine, "es");
        var text = (await units.TranslateAsync(new TranslationRequest("es", "en", ["Según La Razón, la casa del PSOE es muy grande.", "La casa es roja."], SegmentFormat.Text), ct)).Segments;

        Assert.DoesNotContain("La Razón", plain);
        Assert.Contains("La Razón", text[0]);
        Assert.Contains("Spanish Socialist Party", text[0]);
        Assert.Contains("house", text[0]);
        Assert.DoesNotContain("<", text[0]);
        Assert.Equal("The house is red.", text[1]);
    }

    [Fact]
    public async Task TranslateAsync_TermInsideLink_KeptAndMarkupBalanced()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var workspace = await TranslationWorkspace.CreateAsync(ct);
        await using var engine = ApertiumEngineTests.NewEngine();
        workspace.Glossary.Add(new GlossaryEntry("ca", "Generalitat"));
        workspace.Glossary.Add(new GlossaryEntry("ca", "Londres", "London"));
        var units = workspace.Stack(useMemory: false).For(engine, "ca");

        var html = (await units.TranslateAsync(new TranslationRequest("ca", "en",
            ["El president de la <a href=\"https://exemple.cat/g\">Generalitat</a> viatja a <em>Londres</em> demà."], SegmentFormat.Html), ct)).Segments.Single();

        Assert.Contains("<a href=\"https://exemple.cat/g\">Generalitat</a>", html);
        Assert.Contains("<em>London</em>", html);
        Assert.DoesNotContain("translate=", html);
        ApertiumEngineTests.AssertBalanced(html);
    }

    [Fact]
    public void GlossaryFile_AddListRemove_RoundTripsAndVersionFollowsContent()
    {
        var folder = Directory.CreateTempSubdirectory("fd-glossary-");
        try
        {
            var file = new GlossaryFile(Path.Combine(folder.FullName, "glossary.tsv"));
            Assert.Equal("none", file.For("es").Version);
            file.Add(new GlossaryEntry("es", "Londres", "London"));
            file.Add(new GlossaryEntry("es", "El País", Source: "el-pais"));
            file.Add(new GlossaryEntry("fr", "Le Monde"));
            var spanish = file.For("es").Version;

            Assert.Equal(3, new GlossaryFile(file.Path).Entries().Count);
            Assert.Equal(1, file.For("es", "other").Count);
            Assert.Equal(2, file.For("es", "el-pais").Count);
            Assert.NotEqual("none", spanish);
            Assert.NotEqual(spanish, file.For("es", "el-pais").Version);

            file.Add(new GlossaryEntry("fr", "Libération"));
            Assert.Equal(spanish, file.For("es").Version);

            Assert.Equal(1, file.Remove("es", "Londres"));
            Assert.Equal(0, file.Remove("es", "Londres"));
            Assert.Equal("none", file.For("es").Version);
            Assert.Throws<ArgumentException>(() => file.Add(new GlossaryEntry("es", "a\tb")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Protect_MatchesWholeWordsOnly()
    {
        var terms = GlossaryTerms.For([new GlossaryEntry("es", "ONU")], "es", null);

        Assert.Null(terms.Protect("La MONUSCO actúa.", SegmentFormat.Text));
        Assert.Equal("La <span translate=\"no\">ONU</span> &amp; la UE", terms.Protect("La ONU & la UE", SegmentFormat.Text));
        Assert.Equal("<a href=\"/ONU\">la <span translate=\"no\">ONU</span></a>", terms.Protect("<a href=\"/ONU\">la ONU</a>", SegmentFormat.Html));
        Assert.Equal("La ONU & la UE", GlossaryTerms.Unprotect("La <span translate=\"no\">ONU</span> &amp; la UE", SegmentFormat.Text));
    }
}

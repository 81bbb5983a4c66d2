using ForeignDesk.Ingest.Translate;
using Xunit;

namespace ForeignDesk.Ingest.Tests.Translate;

public sealed class ApertiumPackagesTests
{
    private const string Status =
        """
        Package: apertium-eng-spa
        Status: install ok installed
        Version: 0.8.1-2
        Description: Apertium translation data
         for the English-Spanish pair

        Package: apertium-fra-spa
        Status: install ok installed
        Version: 1.2.0-1

        Package: apertium-cat-ita
        Status: deinstall ok config-files
        Version: 0.2.0-1
        """;

    [Fact]
    public void VersionOf_NamesEachPairPackageOfTheRoute_InEitherOrderOfItsName()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Status);
            var packages = new ApertiumPackages(file);

            Assert.Equal("apertium-eng-spa 0.8.1-2", packages.VersionOf(new ApertiumRoute("es", "en", "es→en", ["/m/spa-eng.mode"])));
            Assert.Equal("apertium-fra-spa 1.2.0-1 + apertium-eng-spa 0.8.1-2",
                packages.VersionOf(new ApertiumRoute("fr", "en", "fr→es→en", ["/m/fra-spa.mode", "/m/spa-eng.mode"])));
            // Removed (config files only) is not installed; a pair built by hand has no package.
            Assert.Null(packages.VersionOf(new ApertiumRoute("ca", "it", "ca→it", ["/m/cat-ita.mode"])));
            Assert.Null(new ApertiumPackages(Path.Combine(file + ".missing")).VersionOf(new ApertiumRoute("es", "en", "es→en", ["/m/spa-eng.mode"])));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

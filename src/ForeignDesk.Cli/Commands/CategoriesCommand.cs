using System.CommandLine;
using ForeignDesk.Discover.Categories;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk categories list | map SECTION CATEGORY | reclassify</c>: the taxonomy and the section table.</summary>
internal static class CategoriesCommand
{
    public static Command Create()
    {
        var list = new Command("list", "The categories and the section words that map to them");
        list.SetAction(parse => List(Sections(parse)));

        var section = new Argument<string>("SECTION") { Description = "An outlet's section word, as its pages name it" };
        var category = new Argument<string>("CATEGORY") { Description = $"One of: {string.Join(", ", CategoryTaxonomy.All)}" };
        var map = new Command("map", "File an outlet section under a category (data/categories.tsv)") { section, category };
        map.SetAction((parse, ct) => MapAsync(Sections(parse), parse.GetRequiredValue(section), parse.GetRequiredValue(category), ct));

        return new Command("categories", "The categories articles are filed under") { list, map, CategoriesReclassifyCommand.Create() };
    }

    private static SectionMap Sections(ParseResult parse) =>
        new(Path.Combine(CommandHost.DataDirectory(parse), SectionMap.FileName));

    private static int List(SectionMap sections)
    {
        Console.WriteLine($"# categories: {string.Join(", ", CategoryTaxonomy.All)}");
        Console.WriteLine($"# edited rows (marked *) live in {sections.FilePath}");
        foreach (var row in sections.Entries())
            Console.WriteLine($"{row.Section}\t{row.Category}{(row.Edited ? "\t*" : "")}");
        return 0;
    }

    private static async Task<int> MapAsync(SectionMap sections, string section, string category, CancellationToken cancellationToken)
    {
        if (await sections.MapAsync(section, category, cancellationToken) is { } problem)
        {
            Console.Error.WriteLine($"foreigndesk: {problem}");
            return 1;
        }
        Console.WriteLine($"mapped '{section}' to {CategoryTaxonomy.Find(category)} (new articles; run categories reclassify for stored ones)");
        return 0;
    }
}

using ForeignDesk.Discover.Categories;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk categories list | map SECTION CATEGORY | reclassify</c>: the taxonomy and the section table.</summary>
internal static class CategoriesCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var sections = new SectionMap(Path.Combine(CommandHost.DataDirectory(arguments), SectionMap.FileName));
        switch (arguments.Word(1))
        {
            case "list":
                Console.WriteLine($"# categories: {string.Join(", ", CategoryTaxonomy.All)}");
                Console.WriteLine($"# edited rows (marked *) live in {sections.FilePath}");
                foreach (var row in sections.Entries())
                    Console.WriteLine($"{row.Section}\t{row.Category}{(row.Edited ? "\t*" : "")}");
                return 0;
            case "map":
                var section = arguments.Word(2) ?? throw new UsageException("categories map needs a SECTION and a CATEGORY");
                var category = arguments.Word(3) ?? throw new UsageException("categories map needs a CATEGORY after the section");
                if (await sections.MapAsync(section, category, cancellationToken) is { } problem)
                {
                    Console.Error.WriteLine($"foreigndesk: {problem}");
                    return 1;
                }
                Console.WriteLine($"mapped '{section}' to {CategoryTaxonomy.Find(category)} (new articles; run categories reclassify for stored ones)");
                return 0;
            case "reclassify":
                return await CategoriesReclassifyCommand.RunAsync(arguments, cancellationToken);
            default:
                throw new UsageException("categories needs one of: list, map, reclassify");
        }
    }
}

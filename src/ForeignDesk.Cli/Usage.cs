namespace ForeignDesk.Cli;

internal static class Usage
{
    /// <summary>Prints the usage of every command, or only of <paramref name="command"/> when it is one of them.</summary>
    public static int Print(TextWriter writer, string? command = null)
    {
        var lines = Text.Split('\n');
        var own = command is null ? [] : OwnLines(lines, command);
        writer.WriteLine(own.Count == 0 ? Text : string.Join('\n', [lines[0], "", .. own]));
        return 0;
    }

    /// <summary>The command's lines: those that start with its name, with their indented continuations.</summary>
    private static List<string> OwnLines(string[] lines, string command)
    {
        var own = new List<string>();
        var inside = false;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("  " + command + " ", StringComparison.Ordinal) || line == "  " + command) inside = true;
            else if (!line.StartsWith("         ", StringComparison.Ordinal)) inside = false;
            if (inside) own.Add(line);
        }

        return own;
    }

    private const string Text = """
            usage: foreigndesk COMMAND [options]        (every command takes --data DIR; default $FOREIGNDESK_DATA or ./data)

              serve [--urls URL] [--no-pipeline]       the site (default http://localhost:5080) and the background pipeline
              worker [--urls URL]                      the pipeline without the site; answers /healthz, /readyz, /metrics
                                                       (default http://127.0.0.1:5090)
              ingest --once                            one full pass over every source, its jobs run to their end, then exit
              jobs dead                                the jobs that failed for the last time: id, kind, key, error
              jobs retry ID|--all                      queue a dead job (or every one) again
              sources list                             the followed outlets
              sources add --name N --feed URL [--language LANG[,LANG]|auto] [--category C] [--timezone ZONE] [--no-check]
              sources add --home URL | --sitemap URL | --section URL [...]   feeds found on the home page, else its sitemaps
              sources remove SLUG
              sources import-opml FILE | sources export-opml [FILE]
              feed parse FILE|URL                      print a parsed feed as JSON
              extract --url URL [--file F]             print the article extracted from a page as JSON
              extract --dir DIR --json OUT [--meta]    extract every .html/.htm/.html.gz in DIR on all cores into one JSON file
              translate --from LANG [--to en] [--engine NAME] [--source SLUG] [--no-memory]
                                                       translate standard input (plain text line by line, or HTML)
              engines                                  the configured engines and the languages they translate into English
              glossary list [--language LANG]          the glossary: terms kept as they are, forced renderings
              glossary add LANG TERM [RENDERING] [--source SLUG] | glossary remove LANG TERM [--source SLUG]
              reprocess                                extract every stored page again and translate what changed
              categories list                          the categories and the section words that map to them
              categories map SECTION CATEGORY          file an outlet section under a category (data/categories.tsv)
              categories reclassify [--dry-run] [--source ID|SLUG] [--since DATE]
                                                       file stored articles again by the current table and classifier
              cluster --jsonl FILE --json OUT          group articles ({"id","lang","title","text","date"} lines) into stories
              bench extraction|translation|feeds|latency|discovery [--corpus DIR]
                                                       measure speed and quality; ends with one "name value ..." line
              bench web [--articles 1000000] [--store FILE] [--clients 50] [--seconds 10] [--paragraphs 8]
                                                       a generated month of news served by the site and nginx, loaded with wrk
              bench latency [--minutes 2] [--articles-per-day 100000] [--drain 60] [--sweep [R1,R2,...]]
                                                       simulated outlets followed by the pipeline: feed-to-page latency, lost, duplicated
              bench soak [--minutes 30] [--articles-per-day 50000] [--clients 4]
                                                       the site and pipeline under ingest and page load: memory, descriptors, threads a minute
            """;
}

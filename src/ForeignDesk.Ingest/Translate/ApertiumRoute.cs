namespace ForeignDesk.Ingest.Translate;

/// <summary>How Apertium goes from one language to another: the mode files to chain, in order.</summary>
/// <param name="Display">The route for readers, for example "fr→es→en".</param>
/// <param name="ModeFiles">Full paths of the <c>.mode</c> files, first stage first.</param>
internal sealed record ApertiumRoute(string From, string To, string Display, IReadOnlyList<string> ModeFiles)
{
    /// <summary>
    /// Between two stages: escapes every slash that is not escaped yet. Some generators write a word's variants as
    /// "doveli/dovezli", which the next stage's analyser would read as a malformed stream and stop on (the Slovenian
    /// to Serbo-Croatian pair does); escaped, the variants are translated as the plain pipeline translates them.
    /// <c>sed -z</c> reads NUL-ended records, so the filter passes each request on as soon as it has it.
    /// </summary>
    internal const string EscapeSlashes = @"sed -z -u -E ':a;s#((^|[^\\])(\\\\)*)/#\1\\/#;ta'";

    /// <summary>
    /// One shell pipeline for the whole route: every program flushes on NUL (<c>-z</c>), the last generator
    /// marks unknown words (<c>-g</c>) so that they can be counted, earlier ones do not (<c>-n</c>); a stage that
    /// reads another stage's generated text gets it through <see cref="EscapeSlashes"/>.
    /// </summary>
    public string BuildCommand()
    {
        var commands = new List<string>();
        for (var i = 0; i < ModeFiles.Count; i++)
        {
            if (i > 0) commands.Add(EscapeSlashes);
            var generatorFlag = i == ModeFiles.Count - 1 ? "-g" : "-n";
            var text = File.ReadAllText(ModeFiles[i]).Replace('\n', ' ').Trim();
            foreach (var part in text.Split('|'))
            {
                var command = part.Replace("$1", generatorFlag).Replace("$2", "").Trim();
                if (command.Length == 0) continue;
                var space = command.IndexOf(' ');
                commands.Add(space < 0 ? command + " -z" : command[..space] + " -z" + command[space..]);
            }
        }
        return string.Join(" | ", commands);
    }
}

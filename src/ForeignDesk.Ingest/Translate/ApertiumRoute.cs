namespace ForeignDesk.Ingest.Translate;

/// <summary>How Apertium goes from one language to another: the mode files to chain, in order.</summary>
/// <param name="Display">The route for readers, for example "fr→es→en".</param>
/// <param name="ModeFiles">Full paths of the <c>.mode</c> files, first stage first.</param>
internal sealed record ApertiumRoute(string From, string To, string Display, IReadOnlyList<string> ModeFiles)
{
    /// <summary>
    /// One shell pipeline for the whole route: every program flushes on NUL (<c>-z</c>), the last generator
    /// marks unknown words (<c>-g</c>) so that they can be counted, earlier ones do not (<c>-n</c>).
    /// </summary>
    public string BuildCommand()
    {
        var commands = new List<string>();
        for (var i = 0; i < ModeFiles.Count; i++)
        {
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

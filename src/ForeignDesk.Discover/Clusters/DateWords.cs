namespace ForeignDesk.Discover.Clusters;

/// <summary>Month names in the news languages, folded, mapped to their number.</summary>
internal static class DateWords
{
    private static readonly Dictionary<string, int> Months = Build();

    public static int? Month(string folded) => Months.TryGetValue(folded, out var month) ? month : null;

    private static Dictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        string[][] names =
        [
            ["january", "enero", "janvier", "januar", "gennaio", "janeiro", "jan"],
            ["february", "febrero", "fevrier", "februar", "febbraio", "fevereiro", "feb"],
            ["march", "marzo", "mars", "marz", "marco"],
            ["april", "abril", "avril", "aprile", "apr"],
            ["may", "mayo", "mai", "maggio", "maio"],
            ["june", "junio", "juin", "juni", "giugno", "junho"],
            ["july", "julio", "juillet", "juli", "luglio", "julho"],
            ["august", "agosto", "aout", "aug"],
            ["september", "septiembre", "septembre", "settembre", "setembro", "sept", "sep"],
            ["october", "octubre", "octobre", "oktober", "ottobre", "outubro", "oct"],
            ["november", "noviembre", "novembre", "novembro", "nov"],
            ["december", "diciembre", "decembre", "dezember", "dicembre", "dezembro", "dec"],
        ];
        for (var i = 0; i < names.Length; i++)
            foreach (var name in names[i]) table[name] = i + 1;
        return table;
    }
}

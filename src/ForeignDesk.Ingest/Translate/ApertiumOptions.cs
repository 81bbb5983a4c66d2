using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Ingest.Translate;

/// <summary>Settings of the Apertium engine (section <c>Translate:Apertium</c>).</summary>
public sealed class ApertiumOptions
{
    public const string Section = "Translate:Apertium";

    /// <summary>Folder holding the installed pairs' <c>.mode</c> files.</summary>
    /// <value>Defaults to <c>/usr/share/apertium/modes</c>.</value>
    [Required]
    public string ModesDirectory { get; set; } = "/usr/share/apertium/modes";

    /// <summary>Long-lived Apertium chains kept per route; each serves one request at a time.</summary>
    /// <value>Defaults to 1.</value>
    [Range(1, 16)]
    public int ProcessesPerPair { get; set; } = 1;

    /// <summary>How long one request may take before its chain is killed and restarted.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

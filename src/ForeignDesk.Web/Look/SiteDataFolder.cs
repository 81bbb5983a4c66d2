namespace ForeignDesk.Web.Look;

/// <summary>The folder the operator's files (the logo) are read from: the program's data folder.</summary>
internal sealed record SiteDataFolder(string Path);

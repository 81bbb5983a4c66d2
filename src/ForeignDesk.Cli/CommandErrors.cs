namespace ForeignDesk.Cli;

/// <summary>Input the command cannot take, found while it runs: one line and the command's help, exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A file or folder the command was given is missing or is not what it needs: one line, exit 1.</summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);

using ForeignDesk.Fuzz;
using SharpFuzz;

// dotnet ForeignDesk.Fuzz.dll TARGET            run under afl-fuzz (input on stdin, one process for many inputs)
// dotnet ForeignDesk.Fuzz.dll TARGET FILE...    run the target on files and print what each one throws
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: ForeignDesk.Fuzz {string.Join('|', FuzzTargets.Names)} [FILE...]");
    return 2;
}

if (args.Length == 1)
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target(buffer.ToArray());
    });
    return 0;
}

var failed = 0;
foreach (var file in args.Skip(1))
{
    try
    {
        target(File.ReadAllBytes(file));
        Console.WriteLine($"ok {file}");
    }
    catch (Exception ex)
    {
        failed++;
        var at = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
        Console.WriteLine($"throws {file}: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} {at}");
    }
}

return failed == 0 ? 0 : 1;

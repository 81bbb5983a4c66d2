using ForeignDesk.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ForeignDesk.Cli;

/// <summary>
/// Shows the progress of long work on standard error, so that standard output keeps only results: a Spectre.Console
/// progress bar with counts, rate and time left on a terminal; plain lines (<see cref="PlainProgress"/>) when standard
/// error is a file or a pipe. While the bar is drawn on a terminal, what the work prints on standard output (when that
/// is the same terminal) is written above the bar instead of through it.
/// </summary>
internal static class ProgressDisplay
{
    /// <param name="label">The command, as the lines start: "ingest", "reprocess".</param>
    public static async Task<T> RunAsync<T>(string label, Func<IWorkProgress, Task<T>> work)
    {
        if (Console.IsErrorRedirected) return await work(new PlainProgress(label, Console.Error));

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var output = Console.Out;
        T result = default!;
        try
        {
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(), new RateColumn(),
                    new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    if (!Console.IsOutputRedirected) Console.SetOut(new AboveTheBar(console));
                    result = await work(new BarProgress(label, context));
                });
        }
        finally
        {
            Console.SetOut(output);
        }
        return result;
    }

    /// <summary>Standard output passed line by line to the console that draws the bar, which writes it above the bar.</summary>
    private sealed class AboveTheBar(IAnsiConsole console) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_line)
            {
                if (value == '\n')
                {
                    console.Write(new Text(_line.ToString().TrimEnd('\r') + "\n"));
                    _line.Clear();
                }
                else _line.Append(value);
            }
        }
    }

    private sealed class BarProgress(string label, ProgressContext context) : IWorkProgress
    {
        public IWorkCounter Start(string name, long? total = null)
        {
            var task = context.AddTask(Markup.Escape($"{label} {name}"), maxValue: total ?? 1);
            task.IsIndeterminate = total is null;
            return new Counter(task);
        }
    }

    private sealed class Counter(ProgressTask task) : IWorkCounter
    {
        public void Add(long count = 1) => task.Increment(count);

        public void SetTotal(long total)
        {
            task.MaxValue = total;
            task.IsIndeterminate = false;
        }

        public void Dispose()
        {
            if (task.IsIndeterminate) SetTotal((long)task.Value);
            task.StopTask();
        }
    }

    /// <summary>Done and total: "120/400", or "120" while the total is not known.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.IsIndeterminate ? $"{task.Value:0}" : $"{task.Value:0}/{task.MaxValue:0}");
    }

    /// <summary>Items a second.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:0.#}/s" : "");
    }
}

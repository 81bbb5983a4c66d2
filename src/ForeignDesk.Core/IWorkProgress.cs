namespace ForeignDesk.Core;

/// <summary>
/// How far long work has got, for whoever shows it: the command line draws a progress bar on a terminal and prints
/// plain lines otherwise; the background pipeline shows nothing (<see cref="WorkProgress.None"/>).
/// </summary>
public interface IWorkProgress
{
    /// <summary>Starts counting one piece of work.</summary>
    /// <param name="name">What is counted, as the operator reads it: "sources", "pages", "articles".</param>
    /// <param name="total">How many there are, or null while not known.</param>
    IWorkCounter Start(string name, long? total = null);
}

/// <summary>One piece of work being counted; disposing it marks it done.</summary>
public interface IWorkCounter : IDisposable
{
    /// <summary>Counts <paramref name="count"/> more done; safe from several threads at once.</summary>
    void Add(long count = 1);

    /// <summary>The total, once it is known.</summary>
    void SetTotal(long total);
}

/// <summary>Progress that goes nowhere.</summary>
public static class WorkProgress
{
    public static IWorkProgress None { get; } = new Nowhere();

    private sealed class Nowhere : IWorkProgress, IWorkCounter
    {
        public IWorkCounter Start(string name, long? total = null) => this;

        public void Add(long count = 1) { }

        public void SetTotal(long total) { }

        public void Dispose() { }
    }
}

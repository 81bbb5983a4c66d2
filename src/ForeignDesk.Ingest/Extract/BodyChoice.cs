using AngleSharp.Dom;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Chooses the article body: the containers <see cref="BodyLocator.Locate"/> finds, and when they give little (short
/// text, mostly links or mostly the words of a consent, paywall or log-in prompt) a second, recall-oriented candidate
/// made of every prose block left on the page, keeping the one with more article text.
/// </summary>
internal static class BodyChoice
{
    private const int ShortBody = 500;

    public static (List<IElement> Containers, List<Paragraph> Paragraphs) Choose(PageDom dom, Uri url)
    {
        var containers = BodyLocator.Locate(dom);
        var paragraphs = BlockWriter.Write(containers, dom, url);
        if (!IsPoor(dom, containers, paragraphs)) return (containers, paragraphs);
        var recall = BodyLocator.Recall(dom);
        // Templates repeat the same block (one copy per layout): recall takes each text once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var recallParagraphs = BlockWriter.Write(recall, dom, url).Where(p => seen.Add(p.Text)).ToList();
        if (Worth(recallParagraphs) > Worth(paragraphs) * 1.5) (containers, paragraphs) = (recall, recallParagraphs);
        if (paragraphs.Count > 0 || dom.Document.Body is not { } page) return (containers, paragraphs);
        // Last resort on a page with no paragraph anywhere (text written straight into the page, headings only): the
        // page's own text, chrome and furniture still left out.
        return ([page], BlockWriter.Write([page], dom, url));
    }

    private static bool IsPoor(PageDom dom, List<IElement> containers, List<Paragraph> paragraphs)
    {
        var length = paragraphs.Sum(p => p.Text.Length);
        if (length < ShortBody) return true;
        var text = containers.Sum(c => dom.Stats(c).TextLength);
        if (text > 0 && (double)containers.Sum(c => dom.Stats(c).LinkLength) / text > 0.5) return true;
        return paragraphs.Sum(p => p.Text.Length * InterfaceWords.Measure(p.Text).Coverage) > length * 0.3;
    }

    /// <summary>Article text in the paragraphs: prose blocks count whole, headings half, furniture words not at all.</summary>
    private static double Worth(List<Paragraph> paragraphs) =>
        paragraphs.Sum(p => p.Text.Length * (1 - InterfaceWords.Measure(p.Text).Coverage) * (p.Kind is "h2" or "h3" or "h4" ? 0.5 : 1));
}

using System.Xml;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>
/// Reads cleaned feed text into a <see cref="FeedNode"/> tree. DTDs are ignored and nothing is resolved (no XXE,
/// no entity expansion). A document that breaks off (truncated, stray markup) keeps what was read before the break.
/// </summary>
internal static class FeedTreeReader
{
    public static FeedNode Read(string text)
    {
        using var reader = new XmlTextReader(new StringReader(text))
        {
            Namespaces = false,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            WhitespaceHandling = WhitespaceHandling.All,
            Normalization = false,
        };

        FeedNode? root = null;
        var open = new Stack<FeedNode>();
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (open.Count == 0 && root is not null)
                        {
                            return root;
                        }

                        var node = new FeedNode(reader.Name, open.Count > 0 ? open.Peek() : null);
                        var empty = reader.IsEmptyElement;
                        while (reader.MoveToNextAttribute())
                        {
                            node.Attributes.Add(new(reader.Name, reader.Value));
                        }

                        if (open.Count > 0)
                        {
                            open.Peek().Add(node);
                        }
                        else
                        {
                            root = node;
                        }

                        if (!empty)
                        {
                            open.Push(node);
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (open.Count > 0)
                        {
                            open.Pop();
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (open.Count > 0)
                        {
                            open.Peek().AddText(reader.Value);
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            if (root is null)
            {
                throw new ForeignDesk.Core.FeedFormatException($"not a feed: the XML is broken before its first element ({ex.Message})", ex);
            }
        }

        return root ?? throw new ForeignDesk.Core.FeedFormatException("not a feed: the document has no elements");
    }
}

using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>What marks page chrome, ads, teasers for other content and outlet footer lines.</summary>
internal static partial class BoilerplateRules
{
    public static bool IsInvisibleTag(string tag) => tag is "script" or "style" or "noscript" or "template" or "svg"
        or "canvas" or "iframe" or "object" or "embed" or "video" or "audio" or "head" or "title" or "meta" or "link";

    /// <summary>Tags that are never part of an article body.</summary>
    public static bool IsChromeTag(string tag) => IsInvisibleTag(tag) || tag is "nav" or "aside" or "form" or "button"
        or "input" or "select" or "textarea" or "figure" or "h1" or "menu" or "dialog" or "picture" or "img";

    public static bool IsBlockTag(string tag) => tag is "p" or "div" or "section" or "article" or "main" or "ul" or "ol"
        or "li" or "table" or "tr" or "td" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre"
        or "figure" or "header" or "footer" or "aside" or "nav" or "form" or "dl" or "dd" or "dt" or "hr" or "address";

    /// <summary>
    /// True when the element's tag, class, id, role or attributes (<paramref name="names"/>, see <see cref="ElementNames"/>)
    /// mark it as something other than body text.
    /// </summary>
    public static bool IsBoilerplate(IElement element, NameKinds names)
    {
        var tag = element.LocalName;
        if (tag is "header" or "footer") return true;
        if ((names & (NameKinds.Hidden | NameKinds.ChromeRole | NameKinds.ComplementaryRole | NameKinds.MetaItemprop)) != 0) return true;
        // Table rows and cells carry data-row names ("player-2020", "oddrow"), not chrome.
        if (tag is "tr" or "td" or "th" or "tbody" or "thead") return false;
        return (names & NameKinds.Boilerplate) != 0;
    }

    /// <summary>True for elements that the page hides or marks as chrome by role and tag, whatever their names.</summary>
    public static bool IsHidden(IElement element, NameKinds names) =>
        element.LocalName is "header" or "footer" || (names & (NameKinds.Hidden | NameKinds.ChromeRole)) != 0;

    /// <summary>A heading over links to other content ("related posts", "recommended for you") by its class or id.</summary>
    public static bool IsRelatedHeading(string tag, NameKinds names) =>
        tag is "h2" or "h3" or "h4" or "h5" or "h6" && (names & NameKinds.Related) != 0;

    /// <summary>Elements holding the article's lead (standfirst), kept out of the body and used as the teaser.</summary>
    public static bool IsLead(NameKinds names) => (names & NameKinds.Lead) != 0;

    /// <summary>Readability-style weight of an element's class and id: positive for body-like names.</summary>
    public static int ClassWeight(NameKinds kinds)
    {
        var weight = 0;
        if ((kinds & NameKinds.PositiveWeight) != 0) weight += 25;
        if ((kinds & NameKinds.NegativeWeight) != 0) weight -= 25;
        return weight;
    }

    /// <summary>Tests a lower-case "class id" string against every name pattern (<see cref="ElementNames"/> caches the result).</summary>
    internal static NameKinds Classify(string names)
    {
        if (names.Length <= 1) return NameKinds.None;
        var kinds = NameKinds.None;
        if (NegativeNames().IsMatch(names)) kinds |= NameKinds.Boilerplate;
        if (LeadNames().IsMatch(names)) kinds |= NameKinds.Lead;
        if (BodyNames().IsMatch(names)) kinds |= NameKinds.Body;
        if (PositiveWeight().IsMatch(names)) kinds |= NameKinds.PositiveWeight;
        if (NegativeWeight().IsMatch(names)) kinds |= NameKinds.NegativeWeight;
        if (RelatedNames().IsMatch(names)) kinds |= NameKinds.Related;
        return kinds;
    }

    /// <summary>An explicit body marker: itemprop articleBody or a body-like class or id ("article-body", "entry-content").</summary>
    public static bool IsBodyMarker(NameKinds names) => (names & (NameKinds.Body | NameKinds.BodyItemprop)) != 0;

    /// <summary>Blocks of text that announce other content or are the outlet's own footer lines.</summary>
    public static bool IsBoilerplateText(string text) =>
        text.Length < 220 && (TeaserText().IsMatch(text) || FooterText().IsMatch(text)
            || (text.Length < 40 && UiText().IsMatch(text)) || (text.Length < 60 && IsDateLine(text))
            || IsFurnitureText(text));

    /// <summary>A short block that is mostly the words of a consent, paywall, newsletter or log-in prompt.</summary>
    public static bool IsFurnitureText(string text) => text.Length < 220 && InterfaceWords.Measure(text).Coverage >= 0.4;

    /// <summary>A short line that is only a date, a time or a reading time ("Updated 1:39 am EST, Wednesday, November 20, 2019").</summary>
    private static bool IsDateLine(string text)
    {
        if (ReadingTime().IsMatch(text)) return true;
        if (!DateShape().IsMatch(text)) return false;
        var rest = DateWords().Replace(text, " ");
        return rest.Count(char.IsLetter) <= 3;
    }

    /// <summary>Inline elements inside a block of text keep their words whatever their class says (a link styled "player").</summary>
    public static bool IsInlineInText(IElement element) =>
        element.LocalName is "a" or "span" or "em" or "strong" or "b" or "i" or "u" or "small" or "mark" or "abbr" or "cite" or "q" or "sup" or "sub" or "time"
        && element.ParentElement?.LocalName is "p" or "li" or "blockquote" or "h2" or "h3" or "h4" or "em" or "strong" or "b" or "i";

    [GeneratedRegex(@"^(caption|close|back to gallery|advertisement|advertising|publicidad|publicité|anzeige|werbung|реклама|share|share this|tweet|email|print|loading\.*|skip ad|next|previous|more:?|read more|see more|show more|you may also like\.*|you might also like\.*|related:?|recommended:?|continue reading)\s*[:.…]*$", RegexOptions.IgnoreCase)]
    private static partial Regex UiText();

    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}\s*年|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\b\.?\s*\d|\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)", RegexOptions.IgnoreCase)]
    private static partial Regex DateShape();

    [GeneratedRegex(@"\b(?:reading time|read time|min read|minutes? read|tempo de leitura|tiempo de lectura|lesezeit|temps de lecture)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"\d+|\b(?:updated|published|posted|last|modified|on|at|am|pm|a\.m|p\.m|est|edt|pst|pdt|cst|cdt|gmt|utc|bst|cet|cest|ist|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|de|del|em|às|le|am|um|uhr|h|min|기사입력|입력|수정|年|月|日|時|分)\b|기사입력|입력|수정|年|月|日|時|分", RegexOptions.IgnoreCase)]
    private static partial Regex DateWords();

    [GeneratedRegex(@"(^|[\s_-])(ad|ads|adv|advert\w*|adslot|ad-?unit|dfp|banner|sponsor\w*|promo\w*|newsletter\w*|subscri\w*|share\w*|sharing|social\w*|cookie\w*|consent|gdpr|related\w*|relacionad\w*|recommend\w*|recirc\w*|outbrain|taboola|comments?|comentarios?|disqus|nav|navbar|navigation|menu|breadcrumbs?|migas|sidebar|widget\w*|masthead|toolbar|pagination|pager|video\w*|player|jwplayer|gallery-teaser|galeria|more-news|mas-noticias|read-?more|leer-?mas|lire-aussi|also-read|author-?box|author-?bio|bio-box|byline|tags|tag-list|topics|popup|modal|paywall-prompt|teaser-list|most-read|recent\w*|popular\w*|next-?prev\w*|prev-?next\w*|post-?nav\w*|mas-leidos|trending|footer\w*|header\w*|site-header|instagram-media|tiktok-embed|print-only|visually-hidden|sr-only|caption|credits?|cmp|didomi\w*|onetrust\w*|usercentrics|paywall-\w+|regwall|login\w*|log-in|signin|sign-in|signup|sign-up|registration\w*|author-?(info|card|profile|details|description|about|notes?)|(short-?)?bios?|about-?(the-)?author|about-?us|biography|teaser-?box)($|[\s_-])")]
    private static partial Regex NegativeNames();

    [GeneratedRegex(@"(^|[\s_-])(related\w*|relacionad\w*|recommend\w*|more-news|more-stories|mas-noticias|also-read|lire-aussi|you-may-like|you-might-like)")]
    private static partial Regex RelatedNames();

    [GeneratedRegex(@"(^|[\s_-])(lead|lede|teaser|standfirst|entradilla|chapo|chapeau|dek|sumario|subtitle|subtitulo|sub-headline|subheadline|summary|article-summary|bajada)($|[\s_-])")]
    private static partial Regex LeadNames();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|cuerpo|texto|contenido|noticia|articulo|artikel|inhalt|corps")]
    private static partial Regex PositiveWeight();

    [GeneratedRegex(@"-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget")]
    private static partial Regex NegativeWeight();

    [GeneratedRegex(@"article-?body|articlebody|story-?body|entry-content|post-content|article-content|article-text|articletext|body-text|cuerpo|article__body|story-content|content-body|paywall(?![\w-])")]
    private static partial Regex BodyNames();

    [GeneratedRegex(@"^(v[íi]deo|watch|galer[íi]a|gallery|fotogaler[íi]a|photos?)\s*[:|]|^(lee|leer|lea|read|see|ver|mira|lire|voir|lesen sie)\s+(tambi[ée]n|m[áa]s|more|also|aussi|auch)\b|^(m[áa]s noticias|noticias relacionadas|te puede interesar|tambi[ée]n te puede interesar|[àa] lire aussi|lire aussi|related|related articles|more on this|mehr zum thema|auch interessant|das k[öo]nnte sie auch interessieren|sign up|subscribe|suscr[íi]bete|abonnez-vous|newsletter|follow us|s[íi]guenos)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TeaserText();

    [GeneratedRegex(@"^(©|\(c\)\s|copyright\b)|\bes una oferta de\b|\best une offre de\b|\bist ein angebot\b|all rights reserved|todos los derechos reservados|tous droits r[ée]serv[ée]s|alle rechte vorbehalten", RegexOptions.IgnoreCase)]
    private static partial Regex FooterText();
}

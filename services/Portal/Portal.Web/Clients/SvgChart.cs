using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>
/// A chart the reporting service drew, made safe to put inline in a page (ADR 29): the portal's policy allows no
/// image from an address that needs the user's token, so the markup goes into the page itself. It is our own
/// service's output, but it is still only let through as drawing: the few SVG elements reporting's charts use,
/// with no script, event handler, link, style or foreign content; anything else and the chart is not shown.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "title", "desc", "g", "rect", "line", "polyline", "polygon", "circle", "text",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "xmlns", "viewBox", "role", "aria-label", "font-family", "font-size", "font-weight", "text-anchor", "transform", "width", "height",
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "points", "fill", "stroke", "stroke-width", "stroke-dasharray",
    };

    /// <summary>The chart as markup to write into the page, or null when it is not a chart of the expected shape.</summary>
    public static IHtmlContent? Inline(string? markup)
    {
        if (string.IsNullOrWhiteSpace(markup))
        {
            return null;
        }
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(markup), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        var safe = root.Name == Svg + "svg" && root.DescendantsAndSelf().All(e =>
            e.Name.Namespace == Svg && Elements.Contains(e.Name.LocalName)
            && e.Attributes().All(a => a.IsNamespaceDeclaration ? a.Value == Svg.NamespaceName
                : a.Name.Namespace == XNamespace.None && (Attributes.Contains(a.Name.LocalName) || a.Name.LocalName.StartsWith("data-", StringComparison.Ordinal))));
        return safe ? new HtmlString(root.ToString(SaveOptions.DisableFormatting)) : null;
    }
}

using System.Globalization;
using System.Text;

namespace Duban.Web.Plans;

/// <summary>A task's source span: where in the version's text the task was read from.</summary>
public sealed record MarkedSpan(long TaskId, int Start, int End, string Label);

/// <summary>
/// The plan's text as HTML with a <c>&lt;mark id="t-{task}"&gt;</c> around each task's span, so that a link to
/// <c>#t-{task}</c> highlights it with CSS <c>:target</c>, no script needed. Nested spans nest their marks; a span that
/// crosses another is closed where the other closes and reopened after it as a continuation (same class, no id), so
/// the markup stays well-formed whatever the spans are. Spans outside the text are clamped to it.
/// </summary>
public static class SpanMarkup
{
    /// <param name="backLink">When given, each span starts with a small link (its label) to this address, e.g. the task in the list.</param>
    public static string Render(string text, IEnumerable<MarkedSpan> spans, Func<long, string>? backLink = null)
    {
        var length = text.Length;
        var all = spans
            .Select(s => s with { Start = Math.Clamp(s.Start, 0, length), End = Math.Clamp(s.End, 0, length) })
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start).ThenByDescending(s => s.End).ThenBy(s => s.TaskId)
            .ToList();
        var boundaries = new SortedSet<int> { 0, length };
        foreach (var s in all)
        {
            boundaries.Add(s.Start);
            boundaries.Add(s.End);
        }
        var html = new StringBuilder(length + all.Count * 64);
        var open = new List<MarkedSpan>();
        var next = 0;
        var points = boundaries.ToList();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var lowest = open.FindIndex(s => s.End <= p);
            if (lowest >= 0)
            {
                var reopen = new List<MarkedSpan>();
                for (var k = open.Count - 1; k >= lowest; k--)
                {
                    html.Append("</mark>");
                    if (open[k].End > p) reopen.Insert(0, open[k]);
                }
                open.RemoveRange(lowest, open.Count - lowest);
                foreach (var s in reopen)
                {
                    Open(html, s, first: false);
                    open.Add(s);
                }
            }
            while (next < all.Count && all[next].Start == p)
            {
                Open(html, all[next], first: true);
                if (backLink is not null)
                    html.Append("<a class=\"task-ref\" href=\"").Append(Encode(backLink(all[next].TaskId))).Append("\">").Append(Encode(all[next].Label)).Append("</a>");
                open.Add(all[next]);
                next++;
            }
            if (i + 1 < points.Count) html.Append(Encode(text[p..points[i + 1]]));
        }
        for (var k = open.Count - 1; k >= 0; k--) html.Append("</mark>");
        return html.ToString();
    }

    /// <summary>Escapes what HTML needs escaped and nothing else: the Chinese text stays readable in the page source.</summary>
    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length);
        foreach (var c in text)
            html.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => c.ToString() });
        return html.ToString();
    }

    public static string AnchorId(long taskId) => "t-" + taskId.ToString(CultureInfo.InvariantCulture);

    private static void Open(StringBuilder html, MarkedSpan span, bool first)
    {
        html.Append("<mark class=\"task-span\"");
        if (first) html.Append(" id=\"").Append(AnchorId(span.TaskId)).Append('"');
        html.Append(" data-task=\"").Append(span.TaskId.ToString(CultureInfo.InvariantCulture)).Append("\" title=\"")
            .Append(Encode(span.Label)).Append("\">");
    }
}

using System.Text.RegularExpressions;

namespace Duban.Web.Tests;

/// <summary>
/// The site's Content-Security-Policy allows no inline style (style-src 'self'): a style attribute on a page is
/// silently dropped by the browser (line breaks of a report run together, widths are lost). Pages use classes of
/// wwwroot/app.css instead.
/// </summary>
public sealed partial class InlineStyleTests
{
    [GeneratedRegex(@"\sstyle\s*=\s*""")]
    private static partial Regex StyleAttribute();

    [Fact]
    public void No_page_carries_an_inline_style_the_content_security_policy_would_drop()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Duban.Web"))) root = root.Parent;
        root.ShouldNotBeNull("src/Duban.Web not found above the test's folder");
        var web = Path.Combine(root.FullName, "src", "Duban.Web");

        var offenders = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => StyleAttribute().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(web, x.file)}:{x.i + 1}")
            .ToList();

        offenders.ShouldBeEmpty("inline styles are blocked by the CSP; use a class in wwwroot/app.css");
    }
}

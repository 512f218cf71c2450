using System.Globalization;
using Duban.Core.Bulletins;

namespace Duban.Web.Components.Pages.Bulletins;

/// <summary>
/// The bulletin editor's form: one paragraph per line in the two text blocks, one row per organisation in the 表扬 and
/// 通报批评 lists (and a blank row to add one; a ticked row is dropped). Read back into a <see cref="BulletinDraft"/>
/// even when something is wrong, so that a refused save shows what was typed.
/// </summary>
internal static class BulletinForm
{
    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    public static (BulletinDraft Draft, string? Error) Read(IFormCollection form)
    {
        string Text(string name) => form.TryGetValue(name, out var v) ? v.ToString() : "";
        IReadOnlyList<BulletinMention> Mentions(string prefix)
        {
            var rows = int.TryParse(Text($"{prefix}-Count"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, BulletinValidation.MaxMentions + 1) : 0;
            var list = new List<BulletinMention>();
            for (var i = 0; i < rows; i++)
            {
                if (Text($"{prefix}-Drop-{i}") == "true") continue;
                var name = Text($"{prefix}-Name-{i}").Trim();
                var reason = Text($"{prefix}-Reason-{i}").Trim();
                if (name.Length == 0 && reason.Length == 0) continue;
                long? organization = long.TryParse(Text($"{prefix}-Org-{i}"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
                list.Add(new BulletinMention(organization, name, reason));
            }
            return list;
        }
        var dateText = Text("Date").Trim();
        var dated = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        var draft = new BulletinDraft(Text("Title"), Text("DocNumber"), Text("Recipients"), Lines(Text("Paragraphs")),
            Mentions("Praise"), Mentions("Criticism"), Lines(Text("Closing")), Text("Signature"), dated ? date : default);
        return (draft, dated ? null : $"成文日期“{(dateText.Length > 20 ? dateText[..20] : dateText)}”无效，请按 年-月-日 填写。");
    }
}

using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Bodies;

/// <summary>
/// Reads a line of a member list: "组 长：王奋彦 市委副书记、市长", "王 锦 副市长" (the role carried over from the line
/// above), "成员：市教育局局长".
/// </summary>
internal static class MemberLineReader
{
    private static readonly (string Text, MemberRole Role)[] Roles =
    [
        ("副组长", MemberRole.ViceChair), ("常务副组长", MemberRole.ViceChair), ("组长", MemberRole.Chair),
        ("总召集人", MemberRole.ChiefConvener), ("副召集人", MemberRole.DeputyConvener), ("召集人", MemberRole.Convener),
        ("办公室主任", MemberRole.OfficeDirector), ("主任", MemberRole.Chair), ("副主任", MemberRole.ViceChair),
        ("成员", MemberRole.Member), ("组员", MemberRole.Member), ("委员", MemberRole.Member),
    ];

    private static readonly string[] Posts =
    [
        "常务副主席", "副秘书长", "秘书长", "副书记", "书记", "副市长", "市长", "副县长", "县长", "副区长", "区长", "副主任", "主任",
        "副局长", "局长", "副主席", "主席", "副部长", "部长", "副院长", "院长", "副校长", "校长", "副厅长", "厅长", "督学", "总经理", "调研员", "巡视员",
    ];

    /// <summary>Reads one line; <paramref name="carried"/> is the role of the line above, for lines without a role label.</summary>
    public static BodyMember? Read(ParagraphBlock p, MemberRole? carried, string? carriedText)
    {
        var folded = p.Folded;
        var colon = folded.IndexOf(':');
        MemberRole role;
        string roleText;
        var rest = 0;
        if (colon > 0 && colon <= 10)
        {
            roleText = new string(folded[..colon].Where(c => !char.IsWhiteSpace(c)).ToArray());
            var known = Roles.FirstOrDefault(r => r.Text == roleText);
            if (known.Text is null) return null;
            role = known.Role;
            rest = colon + 1;
        }
        else
        {
            // 组长 and 总召集人 name one person: an unlabelled line after them lists a member.
            if (carried is null or MemberRole.Chair or MemberRole.ChiefConvener) { role = MemberRole.Member; roleText = "成员"; }
            else { role = carried.Value; roleText = carriedText ?? "成员"; }
        }

        var body = p.Raw.Slice(rest).Trim();
        if (body.Length == 0) return null;
        var folds = CharFolding.Fold(body.Span);
        // The name is the first word (two or three characters, sometimes split by a space to align columns).
        var (person, titleStart) = SplitName(folds);
        var title = titleStart < body.Length ? body.Value[titleStart..].Trim() : null;
        if (person is null) title = body.Value.Trim();
        return new BodyMember(person, role, roleText, title, UnitOf(title), body.SourceSpan);
    }

    private static (string? Person, int TitleStart) SplitName(string folded)
    {
        var spaces = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (spaces.Length < 2) return (null, 0);
        // "王 锦 副市长": two one-character pieces form the name.
        var nameParts = spaces[0].Length == 1 && spaces.Length >= 3 ? 2 : 1;
        var name = string.Concat(spaces.Take(nameParts));
        if (name.Length is < 2 or > 4 || Posts.Any(post => name.EndsWith(post, StringComparison.Ordinal))) return (null, 0);
        var consumed = 0;
        var pieces = 0;
        while (consumed < folded.Length && pieces < nameParts)
        {
            while (consumed < folded.Length && folded[consumed] == ' ') consumed++;
            while (consumed < folded.Length && folded[consumed] != ' ') consumed++;
            pieces++;
        }
        return (name, consumed);
    }

    /// <summary>The organisation in a post: 市教育局局长 → 市教育局; 市政府副秘书长 → 市政府; 副市长 → none.</summary>
    public static string? UnitOf(string? title)
    {
        if (string.IsNullOrEmpty(title)) return null;
        var t = title.Split('、', '，', ',')[^1].Trim();
        foreach (var post in Posts)
        {
            if (!t.EndsWith(post, StringComparison.Ordinal)) continue;
            var unit = t[..^post.Length];
            if (unit.Length >= 2 && unit[^1] is '局' or '委' or '办' or '府' or '院' or '校' or '部' or '会' or '厅' or '室' or '心' or '社' or '联')
                return unit;
            return unit.Length >= 3 && (unit.EndsWith("中心") || unit.EndsWith("工会")) ? unit : null;
        }
        return null;
    }
}

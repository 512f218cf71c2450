using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;
using Duban.Parsing.Units;

namespace Duban.Parsing.Bodies;

/// <summary>
/// Finds the leading group (领导小组) and joint meeting (联席会议) a plan sets up: from an annex that lists the members
/// (…领导小组名单, …联席会议制度), and from sentences in the text (成立…领导小组, 建立…联席会议制度, 办公室设在…,
/// 每年至少召开2次会议, 副市长担任召集人).
/// </summary>
internal static class GoverningBodyReader
{
    public static List<GoverningBody> Read(IReadOnlyList<Block> blocks, Outline outline, IReadOnlyList<TaskList> taskLists, UnitFieldParser units)
    {
        var bodies = new Dictionary<GoverningBodyKind, GoverningBody>();

        foreach (var annex in outline.Roots.Where(r => r.Kind == SectionKind.Annex))
        {
            var kind = KindOf(annex.Title);
            if (kind is null) continue;
            var paragraphs = ParagraphsOf(blocks, outline, annex).ToList();
            var members = Members(paragraphs);
            var body = new GoverningBody
            {
                Kind = kind.Value,
                Name = NameFromTitle(annex.Title),
                Members = members,
                Span = SourceSpan.Cover(annex.Span, paragraphs.Count > 0 ? paragraphs[^1].Span : annex.Span),
            };
            bodies[kind.Value] = Enrich(body, paragraphs);
        }

        var listed = bodies.Where(b => b.Value.Members.Count > 0).Select(b => b.Key).ToHashSet();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock p || outline.AnnexOf(i) is not null) continue;
            foreach (var kind in new[] { GoverningBodyKind.LeadingGroup, GoverningBodyKind.JointMeeting })
            {
                var mention = Mention(p, kind);
                if (mention is null) continue;
                if (!bodies.TryGetValue(kind, out var body))
                    body = new GoverningBody { Kind = kind, Name = mention.Value.Name, Span = mention.Value.Span };
                // The most specific name wins: 建立联席会议制度 in a heading, 建立云岭县职业教育工作联席会议制度 in its text.
                else if (!listed.Contains(kind) && mention.Value.Name.Length > body.Name.Length)
                    body = body with { Name = mention.Value.Name, Span = mention.Value.Span };
                body = Enrich(body, [p], prose: true);
                // A member list in an annex is the authority; prose repeats it less precisely (由县长任组长).
                if (!listed.Contains(kind) && MentionsOnly(p, kind))
                    body = body with { Members = [.. body.Members, .. ProseMembers(p), .. Composition(p, units)] };
                bodies[kind] = body;
            }
        }

        // A body the plan only names through its members as a responsible unit (市职业教育攻坚工作领导小组成员单位).
        foreach (var unit in taskLists.SelectMany(l => l.Tasks).SelectMany(t => t.Units).Where(u => u.CollectiveKind == CollectiveKind.BodyMembers))
        {
            var kind = KindOf(unit.Name);
            if (kind is null || bodies.ContainsKey(kind.Value)) continue;
            var cut = unit.Name.IndexOf("成员单位", StringComparison.Ordinal);
            bodies[kind.Value] = new GoverningBody { Kind = kind.Value, Name = cut > 0 ? unit.Name[..cut] : unit.Name, Span = unit.Span };
        }
        return bodies.Values.OrderBy(b => b.Kind).ToList();
    }

    /// <summary>Prose about members belongs to the body the paragraph speaks of; a paragraph naming both is read for neither.</summary>
    private static bool MentionsOnly(ParagraphBlock p, GoverningBodyKind kind)
    {
        var other = kind == GoverningBodyKind.LeadingGroup ? "联席会议" : "领导小组";
        return !p.Folded.Contains(other);
    }

    /// <summary>
    /// Members named by organisation: "由教育、人社、发改…等部门组成", "县教育和体育局牵头，编办、发展和改革局…等部门参加".
    /// </summary>
    private static IEnumerable<BodyMember> Composition(ParagraphBlock p, UnitFieldParser units)
    {
        var f = p.Folded;
        var members = new List<BodyMember>();
        var lead = f.IndexOf("牵头,", StringComparison.Ordinal);
        var join = f.IndexOf("参加", StringComparison.Ordinal);
        if (lead > 0 && join > lead)
        {
            var leadStart = ClauseStart(f, lead);
            foreach (var u in units.Parse(p.Raw.Slice(leadStart, lead - leadStart), UnitRole.Lead, fromTableCell: false))
                members.Add(new BodyMember(null, MemberRole.Convener, "牵头", null, u.Name, u.Span));
            members.AddRange(MemberUnits(p, units, lead + 3, join));
        }
        var by = f.IndexOf('由');
        var formed = by >= 0 ? f.IndexOf("组成", by, StringComparison.Ordinal) : -1;
        if (by >= 0 && formed > by && formed - by < 200) members.AddRange(MemberUnits(p, units, by + 1, formed));
        // "…，县教育和体育局、财政局…为成员单位"
        var asMembers = f.IndexOf("为成员单位", StringComparison.Ordinal);
        if (asMembers > 0) members.AddRange(MemberUnits(p, units, ClauseStart(f, asMembers), asMembers));
        return members;
    }

    private static IEnumerable<BodyMember> MemberUnits(ParagraphBlock p, UnitFieldParser units, int start, int end) =>
        units.Parse(p.Raw.Slice(start, end - start), UnitRole.Cooperating, fromTableCell: false)
            .Select(u => new BodyMember(null, MemberRole.Member, "成员", null, u.Name, u.Span));

    private static int ClauseStart(string f, int at)
    {
        var start = at;
        while (start > 0 && f[start - 1] is not (',' or '。' or ';' or ':')) start--;
        return start;
    }

    private static GoverningBodyKind? KindOf(string text) =>
        text.Contains("领导小组") ? GoverningBodyKind.LeadingGroup
        : text.Contains("联席会议") ? GoverningBodyKind.JointMeeting
        : null;

    private static string NameFromTitle(string title)
    {
        foreach (var tail in new[] { "成员名单", "组成人员名单", "名单", "制度", "工作规则", "成员单位及职责" })
            if (title.EndsWith(tail, StringComparison.Ordinal)) return title[..^tail.Length];
        return title;
    }

    private static IEnumerable<ParagraphBlock> ParagraphsOf(IReadOnlyList<Block> blocks, Outline outline, OutlineNode annex)
    {
        for (var i = annex.BlockIndex + 1; i < blocks.Count; i++)
        {
            if (outline.NodeOf(i) is { Kind: SectionKind.Annex }) yield break;
            if (blocks[i] is ParagraphBlock p && !outline.IsAnnexTitle(i)) yield return p;
        }
    }

    private static List<BodyMember> Members(List<ParagraphBlock> paragraphs)
    {
        var members = new List<BodyMember>();
        MemberRole? role = null;
        string? roleText = null;
        foreach (var p in paragraphs)
        {
            if (!LineShapes.IsMemberLine(p.Folded) && !StartsWithRole(p.Folded)) continue;
            var member = MemberLineReader.Read(p, role, roleText);
            if (member is null) continue;
            members.Add(member);
            if (p.Folded.IndexOf(':') is > 0 and <= 10)
            {
                role = member.Role;
                roleText = member.RoleText;
            }
        }
        return members;
    }

    private static bool StartsWithRole(string folded)
    {
        var colon = folded.IndexOf(':');
        return colon is > 0 and <= 10 && WrapWidth.Of(folded) <= 60 && !folded.Contains('。');
    }

    /// <summary>Adds what sentences say about a body: its office, its cadence, and members named in prose.</summary>
    private static GoverningBody Enrich(GoverningBody body, IEnumerable<ParagraphBlock> paragraphs, bool prose = false)
    {
        var word = body.Kind == GoverningBodyKind.LeadingGroup ? "领导小组" : "联席会议";
        foreach (var p in paragraphs)
        {
            var f = p.Folded;
            if (prose && !f.Contains(word)) continue;
            if (body.Office is null && Office(p, word) is { } office) body = body with { Office = office };
            var mentionsJointMeeting = f.Contains("联席会议");
            var cadenceBelongsHere = body.Kind == GoverningBodyKind.JointMeeting || !mentionsJointMeeting;
            if (body.Cadence is null && cadenceBelongsHere && CadenceReader.Read(p.Raw, f) is { } cadence)
                body = body with { Cadence = cadence };
        }
        return body;
    }

    /// <summary>办公室设在市教育局 → 市教育局.</summary>
    private static string? Office(ParagraphBlock p, string word)
    {
        var f = p.Folded;
        var at = f.IndexOf("办公室设在", StringComparison.Ordinal);
        if (at < 0) return null;
        var before = f[Math.Max(0, at - 20)..at];
        if (!before.Contains(word) && !before.EndsWith("和联席会议") && !before.Contains("领导小组")) return null;
        var start = at + 5;
        var end = start;
        while (end < f.Length && f[end] is not (',' or '。' or ';' or ' ' or ':')) end++;
        var office = p.Raw.Value[start..end].Trim();
        return office.Length is >= 2 and <= 30 ? office : null;
    }

    /// <summary>"市政府分管教育工作的副市长担任召集人": a member named by post in prose.</summary>
    private static IEnumerable<BodyMember> ProseMembers(ParagraphBlock p)
    {
        var f = p.Folded;
        foreach (var (roleWord, role) in new[] { ("总召集人", MemberRole.ChiefConvener), ("副召集人", MemberRole.DeputyConvener), ("召集人", MemberRole.Convener), ("副组长", MemberRole.ViceChair), ("组长", MemberRole.Chair) })
        {
            foreach (var verb in new[] { "担任", "任" })
            {
                var at = f.IndexOf(verb + roleWord, StringComparison.Ordinal);
                if (at <= 0) continue;
                if (roleWord == "召集人" && at + verb.Length > 0 && f.IndexOf(verb + "副召集人", StringComparison.Ordinal) == at) continue;
                var start = at;
                while (start > 0 && f[start - 1] is not (',' or '。' or ';' or ':')) start--;
                var title = p.Raw.Value[start..at].Trim();
                // 由县政府分管教育工作的副县长担任召集人: the post, without the 由 that introduces it.
                if (title.StartsWith('由')) { title = title[1..].TrimStart(); start = p.Raw.Value.IndexOf(title, start, StringComparison.Ordinal); }
                if (title.Length is < 2 or > 40) continue;
                yield return new BodyMember(null, role, roleWord, title, MemberLineReader.UnitOf(title), p.Raw.ToSource(start, at + verb.Length + roleWord.Length));
                goto nextRole;
            }
            nextRole: ;
        }
    }

    /// <summary>成立…领导小组 / 建立…联席会议制度: the body's name and where it is named (the most specific mention).</summary>
    private static (string Name, SourceSpan Span)? Mention(ParagraphBlock p, GoverningBodyKind kind)
    {
        var f = p.Folded;
        var word = kind == GoverningBodyKind.LeadingGroup ? "领导小组" : "联席会议";
        (string Name, SourceSpan Span)? best = null;
        for (var at = f.IndexOf(word, StringComparison.Ordinal); at >= 0; at = f.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && f[start - 1] is not (',' or '。' or ';' or ':' or '、') && at - start < 40) start--;
            var phrase = f[start..(at + word.Length)];
            foreach (var verb in new[] { "建立健全", "成立", "建立", "完善", "组建", "设立" })
            {
                var v = phrase.IndexOf(verb, StringComparison.Ordinal);
                if (v < 0) continue;
                var nameStart = start + v + verb.Length;
                var name = TitleText.Clean(p.Raw.Value[nameStart..(at + word.Length)]);
                if (name.Length >= word.Length && (best is null || name.Length > best.Value.Name.Length))
                    best = (name, p.Raw.ToSource(nameStart, at + word.Length));
                break;
            }
        }
        return best;
    }
}

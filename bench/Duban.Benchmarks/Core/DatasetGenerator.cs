using System.Text;
using Bogus;
using Duban.Core.Organizations;
using Duban.Core.Regions;

namespace Duban.Benchmarks.Core;

/// <summary>
/// Builds the benchmark dataset from a seed: a province of 10 cities and 66 counties, 1 000 organisations (one
/// government, departments and schools per region), and plan documents written like the real ones (notice, 一、
/// headings, （一） sections, numbered tasks followed by 牵头单位 / 配合单位 / 完成时限 lines) from phrase tables. The
/// units a task names are organisations of the plan's region (now and then of the region above), written in full or in
/// the short form (市教育局) the import maps by its region, now and then a collective (各县（区）人民政府 in a city's plan,
/// 各职业院校 in a county's) the import expands.
/// </summary>
public static class DatasetGenerator
{
    public const int DefaultSeed = 20261122;

    private const string ProvinceName = "陇川省";
    private static readonly int[] CountiesPerCity = [6, 6, 6, 6, 7, 7, 7, 7, 7, 7];

    private static readonly string[] Syllables =
    [
        "青", "禾", "安", "宁", "平", "阳", "江", "源", "临", "河", "兴", "泰", "华", "丰", "东", "西", "南", "北", "金", "山",
        "长", "庆", "永", "昌", "新", "明", "康", "远", "清", "水", "云", "岭", "石", "川", "洛", "汉", "武", "定", "凤", "龙",
    ];

    private static readonly string[] ProvinceDepartments =
    [
        "教育厅", "发展和改革委员会", "财政厅", "人力资源和社会保障厅", "工业和信息化厅", "自然资源厅", "住房和城乡建设厅", "农业农村厅",
        "商务厅", "文化和旅游厅", "卫生健康委员会", "国有资产监督管理委员会", "市场监督管理局", "科学技术厅", "民政厅", "司法厅",
        "审计厅", "统计局", "乡村振兴局", "交通运输厅", "生态环境厅", "应急管理厅", "退役军人事务厅", "医疗保障局",
    ];

    private static readonly string[] CityDepartments =
    [
        "教育局", "发展和改革委员会", "财政局", "人力资源和社会保障局", "工业和信息化局", "自然资源局", "住房和城乡建设局", "农业农村局",
        "商务局", "文化和旅游局", "卫生健康委员会", "国有资产监督管理委员会", "市场监督管理局", "科学技术局", "民政局", "统计局",
        "乡村振兴局", "交通运输局",
    ];

    private static readonly string[] CountyDepartments = ["教育局", "财政局", "人力资源和社会保障局", "发展和改革局", "农业农村局", "工业和信息化局"];

    private static readonly string[] ProvinceSchools =
    [
        "交通", "建筑", "农业", "机电", "财经", "卫生", "工业", "旅游", "能源", "化工", "林业", "水利", "电力", "艺术", "商贸",
    ];

    private static readonly string[] CitySchools =
    [
        "职业技术学院", "卫生学校", "第一中等职业学校", "第二中等职业学校", "工业学校", "农业学校", "商贸学校", "师范学校", "技师学院",
        "体育运动学校", "艺术学校",
    ];

    private static readonly string[] CountySchools = ["职业技术教育中心", "第一职业中学", "第二职业中学"];

    private static readonly string[] Themes =
    [
        "深化现代职业教育体系建设改革实施方案", "职业教育提质培优行动计划实施方案", "深化产教融合实施方案", "职业教育改革发展重点任务分工方案",
        "推动现代职业教育高质量发展实施意见", "职业技能提升行动实施方案", "“双师型”教师队伍建设实施方案", "县域职业教育发展实施方案",
    ];

    private static readonly string[] Sections =
    [
        "优化职业教育布局结构", "深化产教融合校企合作", "加强“双师型”教师队伍建设", "完善职业教育保障机制", "提升人才培养质量",
        "推进职业教育数字化", "健全职业技能培训体系", "扩大职业教育开放合作", "推动职普融通", "服务乡村振兴和区域发展",
    ];

    private static readonly string[] Verbs = ["推进", "加强", "完善", "实施", "建设", "深化", "健全", "推动", "落实", "优化", "提升", "规范"];

    private static readonly string[] Objects =
    [
        "中等职业学校标准化建设", "产教融合实训基地建设", "“双师型”教师培养培训", "现代学徒制试点", "职业教育经费投入机制", "校企合作平台建设",
        "专业动态调整机制", "职业技能等级证书制度", "县域职教中心建设", "高水平专业群建设", "职业教育质量年度报告制度", "学生实习实训管理",
        "毕业生就业创业服务", "职业启蒙教育", "社区教育和老年教育", "职业院校技能大赛体系", "职业教育教材建设与管理", "数字化教学资源建设",
        "中高职贯通培养", "东西部协作和对口支援", "企业职工岗位技能培训", "农村实用人才培养", "职业院校办学条件达标工程", "产业学院建设",
    ];

    private static readonly string[] Industries = ["装备制造", "现代物流", "文化旅游", "现代农业", "新能源", "护理康养", "电子商务", "数字经济", "新材料", "特色食品"];

    private static readonly (string Subject, string Unit, int Min, int Max)[] Metrics =
    [
        ("建成实训基地", "个", 2, 12), ("培训教师", "人次", 200, 3000), ("新增校企合作企业", "家", 5, 60), ("开展职业技能培训", "万人次", 1, 20),
        ("建设精品在线开放课程", "门", 10, 80), ("培育产教融合型企业", "家", 3, 30), ("新增专业点", "个", 2, 15),
    ];

    /// <summary>The regions and organisations: always the same for a seed, whatever the number of plans.</summary>
    public static Dataset World(int seed = DefaultSeed) => World(seed, CountiesPerCity);

    /// <summary>A world of <paramref name="countiesPerCity"/>.Count cities, each with that many counties (the tracking benchmark's province of 100 cities).</summary>
    public static Dataset World(int seed, IReadOnlyList<int> countiesPerCity)
    {
        var random = new Randomizer(seed);
        var names = new HashSet<string>(StringComparer.Ordinal) { ProvinceName };
        var regions = new List<RegionSpec> { new(0, ProvinceName, RegionLevel.Province, null) };
        foreach (var counties in countiesPerCity)
        {
            var city = new RegionSpec(regions.Count, UniqueName(random, names, "市"), RegionLevel.City, 0);
            regions.Add(city);
            for (var i = 0; i < counties; i++)
                regions.Add(new RegionSpec(regions.Count, UniqueName(random, names, random.Bool(0.7f) ? "县" : "区"), RegionLevel.County, city.Index));
        }

        var organizations = new List<OrganizationSpec>();
        void Add(string name, OrganizationKind kind, RegionSpec region) => organizations.Add(new(organizations.Count, name, kind, region.Index));
        foreach (var region in regions)
        {
            Add(region.Name + "人民政府", OrganizationKind.Government, region);
            var (departments, schools) = region.Level switch
            {
                RegionLevel.Province => (ProvinceDepartments, ProvinceSchools.Select(s => $"{region.Name}{s}职业技术学院")),
                RegionLevel.City => (CityDepartments, CitySchools.Select(s => region.Name + s)),
                _ => (CountyDepartments, CountySchools.Select(s => region.Name + s)),
            };
            foreach (var department in departments) Add(region.Name + department, OrganizationKind.Department, region);
            foreach (var school in schools) Add(school, OrganizationKind.School, region);
        }
        return new Dataset(seed, regions, organizations);
    }

    /// <summary>
    /// Plan number <paramref name="index"/> of the dataset, from its own seed. About 5 % of the plans are the province's,
    /// 35 % a city's and 60 % a county's; each has 18 to 32 tasks (25 on average).
    /// </summary>
    public static PlanSpec Plan(Dataset world, int index)
    {
        // Not HashCode.Combine: it is seeded differently in every process, and a plan must be the same in every run.
        var random = new Randomizer(unchecked(world.Seed * 100_003 + index));
        var level = random.Double() switch { < 0.05 => RegionLevel.Province, < 0.40 => RegionLevel.City, _ => RegionLevel.County };
        var candidates = world.Regions.Where(r => r.Level == level).ToList();
        var region = random.ListItem(candidates);
        return Write(world, index, random, region, random.Number(2020, 2024), null);
    }

    /// <summary>
    /// A plan of the region at <paramref name="regionIndex"/> of <paramref name="year"/> with a given number of tasks,
    /// of which about <paramref name="targetShare"/> name a numeric target (the tracking benchmark's plans).
    /// </summary>
    public static PlanSpec Plan(Dataset world, int index, int regionIndex, int year, int taskCount, double targetShare)
    {
        var random = new Randomizer(unchecked(world.Seed * 100_003 + index));
        return Write(world, index, random, world.Regions[regionIndex], year, new(taskCount, targetShare));
    }

    private sealed record Shape(int TaskCount, double TargetShare);

    private static PlanSpec Write(Dataset world, int index, Randomizer random, RegionSpec region, int year, Shape? shape)
    {
        var theme = random.ArrayElement(Themes);
        var title = region.Name + theme;
        var levelChar = LevelChar(region);
        var writer = new StringBuilder();

        writer.Append(region.Name).Append("人民政府办公室文件\n\n");
        // The sequence number is unique per plan: plans are told apart by document number, as in real life.
        writer.Append(Abbreviation(region)).Append("政办发〔").Append(year).Append("〕").Append(index + 1).Append("号\n\n");
        writer.Append(region.Name).Append("人民政府办公室关于印发《").Append(title).Append("》的通知\n\n");
        writer.Append(region.Level == RegionLevel.County ? "各乡镇人民政府，县政府各部门：\n\n" : $"各县（区）人民政府，{levelChar}政府各部门，各有关单位：\n\n");
        writer.Append('《').Append(title).Append("》已经").Append(levelChar).Append("政府同意，现印发给你们，请结合实际认真抓好贯彻落实。\n\n");
        writer.Append(title).Append("\n\n");
        writer.Append("为深入贯彻落实国家和省关于推动现代职业教育高质量发展的决策部署，加快构建现代职业教育体系，结合我")
            .Append(levelChar).Append("实际，制定本方案。\n\n");
        writer.Append("一、总体要求\n\n");
        writer.Append("坚持问题导向、目标导向，逐项明确牵头单位、配合单位和完成时限，实行清单化管理、项目化推进。到").Append(year + 5)
            .Append("年，全").Append(levelChar).Append("职业院校毕业生本地就业率达到").Append(random.Number(50, 80)).Append("%以上。\n\n");
        writer.Append("二、重点任务及分工\n\n");

        var local = world.In(region.Index).ToList();
        var departments = local.Where(o => o.Kind == OrganizationKind.Department).ToList();
        var others = local.Where(o => o.Kind != OrganizationKind.Department).ToList();
        var upper = region.ParentIndex is { } parent ? world.In(parent).Where(o => o.Kind == OrganizationKind.Department).ToList() : [];

        var taskCount = shape?.TaskCount ?? random.Number(18, 32);
        var sectionCount = random.Number(4, 6);
        var sections = random.Shuffle(Sections).Take(sectionCount).ToList();
        var written = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            writer.Append('（').Append(ChineseNumber(s + 1)).Append('）').Append(sections[s]).Append("\n\n");
            var inSection = s == sectionCount - 1 ? taskCount - written : taskCount / sectionCount;
            for (var t = 1; t <= inSection; t++)
            {
                writer.Append(t).Append('.').Append(random.ArrayElement(Verbs)).Append(random.ArrayElement(Objects)).Append("。围绕")
                    .Append(random.ArrayElement(Industries)).Append("等产业，").Append(random.ArrayElement(Verbs)).Append(random.ArrayElement(Objects));
                if (shape is null || random.Bool((float)shape.TargetShare))
                {
                    var (subject, unit, min, max) = random.ArrayElement(Metrics);
                    writer.Append("，到").Append(random.Number(year + 1, year + 5)).Append('年').Append(subject).Append(random.Number(min, max)).Append(unit).Append("以上。\n\n");
                }
                else
                {
                    writer.Append("。\n\n");
                }

                var leadOrganizations = random.ListItems(departments, random.Number(1, 2));
                var leads = leadOrganizations.Select(o => Written(random, o, region, levelChar)).ToList();
                if (random.Bool(0.1f)) leads.Add(random.ListItem(others).Name);
                writer.Append("牵头单位：").Append(string.Join("、", leads)).Append("\n\n");

                var cooperating = random.ListItems(departments.Except(leadOrganizations).ToList(), random.Number(0, 3))
                    .Select(o => Written(random, o, region, levelChar)).ToList();
                if (upper.Count > 0 && random.Bool(0.1f)) cooperating.Add(random.ListItem(upper).Name);
                // Collectives as plans use them: a city's plan engages its county governments, a county's plan its schools.
                if (region.Level == RegionLevel.City && random.Bool(0.05f)) cooperating.Add("各县（区）人民政府");
                else if (region.Level == RegionLevel.County && random.Bool(0.05f)) cooperating.Add("各职业院校");
                if (cooperating.Count > 0) writer.Append("配合单位：").Append(string.Join("、", cooperating)).Append("\n\n");

                writer.Append("完成时限：").Append(Deadline(random, year)).Append("\n\n");
            }
            written += inSection;
        }
        writer.Append("三、保障措施\n\n");
        writer.Append("各牵头单位要会同配合单位制定具体推进计划，每半年向").Append(levelChar).Append("政府报送一次进展情况。").Append(levelChar)
            .Append("政府督查室将任务落实情况纳入年度督查范围。\n");
        return new PlanSpec(index, $"plan-{index:D5}.txt", region.Index, writer.ToString(), taskCount);
    }

    /// <summary>Half the time the short form (市教育局) the import qualifies with the plan's region, else the full name.</summary>
    private static string Written(Randomizer random, OrganizationSpec organization, RegionSpec region, string levelChar) =>
        organization.RegionIndex == region.Index && random.Bool() && organization.Name.StartsWith(region.Name, StringComparison.Ordinal)
            ? levelChar + organization.Name[region.Name.Length..]
            : organization.Name;

    private static string Deadline(Randomizer random, int year) => random.Number(0, 5) switch
    {
        0 => "长期坚持",
        1 => $"{random.Number(year, year + 3)}年底前",
        2 => $"{random.Number(year, year + 3)}年{random.Number(1, 12)}月底前",
        3 => $"{random.Number(year, year + 2)}年{random.Number(3, 12)}月前完成并长期坚持",
        4 => $"{random.Number(year + 1, year + 4)}年",
        _ => "持续推进",
    };

    private static string UniqueName(Randomizer random, HashSet<string> taken, string suffix)
    {
        while (true)
        {
            var name = random.ArrayElement(Syllables) + random.ArrayElement(Syllables) + suffix;
            if (name[0] != name[1] && taken.Add(name)) return name;
        }
    }

    private static string LevelChar(RegionSpec region) => region.Level switch
    {
        RegionLevel.Province => "省",
        RegionLevel.City => "市",
        _ => region.Name[^1..],
    };

    private static string Abbreviation(RegionSpec region) => region.Name[..1];

    private static string ChineseNumber(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", 9 => "九", _ => "十",
    };
}

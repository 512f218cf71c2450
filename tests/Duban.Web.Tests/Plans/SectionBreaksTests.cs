using System.Net;
using System.Text;
using Duban.Data.Import;
using Duban.Web.Demo;
using Duban.Web.Import;
using Duban.Web.Plans;
using Duban.Web.Tests.Import;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Plans;

/// <summary>
/// A task list whose numbering runs on from 一、 into 二、 shows each section's heading before its first task, in the
/// import review and in the plan reader, so that tasks 3–4 are not read as part of the first heading.
/// </summary>
public sealed class SectionBreaksTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private const string Plan = """
        青禾市推进职业教育改革重点任务分工方案

        一、加强基础能力建设
        1. 改善办学条件。推进中职学校达标工程建设。（牵头单位：市教育局；配合单位：市财政局）完成时限：2024年底前
        2. 建设实训基地。建成市级公共实训基地2个。（牵头单位：市人力资源社会保障局）完成时限：2025年6月前
        二、深化产教融合
        3. 培育产教融合型企业。遴选一批产教融合型企业。（牵头单位：市发展改革委；配合单位：市教育局）完成时限：2024年12月
        4. 推进校企合作。每所中职学校至少与3家企业合作。（牵头单位：市教育局）完成时限：长期坚持
        """;

    [Fact]
    public void A_break_stands_before_each_sections_first_task_only_when_the_list_spans_several()
    {
        SectionBreaks.Of(["一、甲", "一、甲", "二、乙", "二、乙"]).ShouldBe(["一、甲", null, "二、乙", null]);
        SectionBreaks.Of(["一、甲", "一、甲"]).ShouldBe([null, null]);
        SectionBreaks.Of([null, "一、甲"]).ShouldBe([null, null]);
        SectionBreaks.Top("二、乙 / （一）丙").ShouldBe("二、乙");
        SectionBreaks.Top("").ShouldBeNull();
    }

    [Fact]
    public async Task The_import_review_and_the_plan_reader_show_the_second_heading_before_task_3()
    {
        var client = await app.Factory.SignedInAsync(DemoAccounts.Admin);
        var start = await client.GetStringAsync("/import");
        var form = ImportTestData.Upload(Encoding.UTF8.GetBytes(Plan), "分工方案.txt", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(start),
            ["_handler"] = "upload-plan",
            ["regionId"] = "",
        });
        var review = await (await client.PostAsync("/import", form)).Content.ReadAsStringAsync();
        Between(review, "二、深化产教融合</li>", ">3.</a>").ShouldBeTrue(review);
        Between(review, ">2.</a>", "二、深化产教融合</li>").ShouldBeTrue();
        review.ShouldContain("任务清单（4 项）");

        var city = await app.Factory.RegionIdAsync(DemoSeeder.City);
        var planId = await PlansFixture.ImportAsync(app.Factory, Encoding.UTF8.GetBytes(Plan), "分工方案.txt", new PlanRegion.Existing(city));
        var response = await client.GetAsync($"/plans/{planId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        var sections = System.Text.RegularExpressions.Regex.Matches(page, "<li class=\"task-section[^\"]*\">([^<]*)</li>").Select(m => m.Groups[1].Value);
        sections.ShouldBe(["一、加强基础能力建设", "二、深化产教融合"]);
        Between(page, "二、深化产教融合</li>", ">3.</span>").ShouldBeTrue();
        // The one list took the plain name: the heading 任务清单 carries its count, and no second heading repeats it.
        System.Text.RegularExpressions.Regex.IsMatch(page, "<h2 class=\"h6\">\\s*任务清单\\s*<span class=\"badge[^\"]*\">4</span>\\s*</h2>").ShouldBeTrue();
        System.Text.RegularExpressions.Regex.Matches(page, "<h3[^>]*>任务清单").Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_plan_of_several_lists_names_each_under_the_heading()
    {
        var client = await app.Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await app.Factory.RegionIdAsync(DemoSeeder.City);
        var twoLists = Plan.Replace("青禾市推进职业教育改革重点任务分工方案", "青禾市推进职业教育改革任务分工方案（两个清单）")
            + """

            附件2

            青禾市职业教育年度重点工作清单

            1. 开展职业技能大赛。（牵头单位：市教育局）完成时限：2024年10月底前
            2. 举办职业教育活动周。（牵头单位：市教育局；配合单位：市人力资源社会保障局）完成时限：2024年5月底前
            """;
        var planId = await PlansFixture.ImportAsync(app.Factory, Encoding.UTF8.GetBytes(twoLists), "两个清单.txt", new PlanRegion.Existing(city));
        var page = await client.GetStringAsync($"/plans/{planId}");
        var lists = System.Text.RegularExpressions.Regex.Matches(page, "<h3 class=\"h6 mt-2 text-break\">([^<]*)<span").Select(m => m.Groups[1].Value.Trim()).ToList();
        lists.Count.ShouldBe(2, page);
        lists.ShouldContain("青禾市职业教育年度重点工作清单");
    }

    /// <summary>Whether <paramref name="first"/> occurs and <paramref name="then"/> occurs after it.</summary>
    private static bool Between(string html, string first, string then)
    {
        var at = html.IndexOf(first, StringComparison.Ordinal);
        return at >= 0 && html.IndexOf(then, at + first.Length, StringComparison.Ordinal) > at;
    }
}

using Duban.Core.Assessments;
using Duban.Web.Audit;

namespace Duban.Web.Tests.Audit;

/// <summary>The audit page's reading of stored JSON: Chinese field names, before → after, China time, Chinese enumeration names.</summary>
public sealed class AuditChangesTests
{
    private static readonly AuditNames NoNames = new();

    private static List<(string Field, string Before, string After)> Rows(string entity, string? before, string? after) =>
        AuditChanges.Between(entity, before, after, NoNames).Changes.Select(c => (c.Field, c.Before.Text, c.After.Text)).ToList();

    [Fact]
    public void A_plan_published_reads_as_its_status_and_tracking_start_in_chinese()
    {
        var difference = AuditChanges.Between("Plan", """{"status":"Draft","trackingStart":null,"title":"某方案"}""",
            """{"status":"Published","trackingStart":"2026-12-06","title":"某方案"}""", NoNames);

        difference.Changes.Select(c => (c.Field, c.Before.Text, c.After.Text)).ShouldBe([("状态", "草稿", "已发布"), ("跟踪起始日", "（空）", "2026年12月6日")]);
        difference.Unchanged.ShouldBe(1);
    }

    [Fact]
    public void Instants_are_shown_in_china_time_and_booleans_as_yes_or_no()
    {
        Rows("progress-report", """{"submittedAt":null,"late":false}""", """{"submittedAt":"2026-12-06T08:05:00+00:00","late":true}""")
            .ShouldBe([("提交时间", "（空）", "2026年12月6日 16:05"), ("逾期提交", "否", "是")]);
    }

    [Fact]
    public void The_same_name_reads_as_the_entitys_own_state()
    {
        Rows("supervision-order", """{"status":"Answered"}""", """{"status":"Returned"}""").ShouldBe([("状态", "已回复", "整改不到位")]);
        Rows("progress-report", """{"status":"Submitted"}""", """{"status":"Returned","decision":"Returned"}""")
            .ShouldBe([("状态", "待审核", "已退回"), ("审核结果", "—", "已退回")]);
    }

    [Fact]
    public void A_schemes_indicators_read_in_chinese_and_their_code_is_no_region_code()
    {
        var rows = Rows("assessment-scheme", null, """{"code":"320500","definition":{"indicators":[{"code":"task","kind":"TaskCompletion","maxPoints":30,"rule":{"lateCredit":0.6}}]}}""");

        rows.ShouldBe([
            ("区划代码", "—", "320500"),
            ("方案内容 · 考核指标 第1项 · 指标代码", "—", "task"),
            ("方案内容 · 考核指标 第1项 · 指标类型", "—", Duban.Core.Assessments.IndicatorKind.TaskCompletion.Label()),
            ("方案内容 · 考核指标 第1项 · 分值", "—", "30"),
            ("方案内容 · 考核指标 第1项 · 评分细则 · 逾期得分比例", "—", "0.6"),
        ]);
    }

    [Fact]
    public void A_creation_lists_every_field_and_nested_lists_are_named_by_position()
    {
        var rows = Rows("PlanTask", null, """{"text":"推进产教融合","assignments":[{"organizationId":7,"role":"Lead","primary":true}],"evidenceIds":[]}""");

        rows.ShouldBe([
            ("内容", "—", "推进产教融合"),
            ("责任单位 第1项 · 单位", "—", "单位 7"),
            ("责任单位 第1项 · 角色", "—", "牵头"),
            ("责任单位 第1项 · 主责", "—", "是"),
            ("佐证材料", "—", "（无）"),
        ]);
    }

    [Fact]
    public void Unknown_keys_and_values_stay_as_stored_and_text_that_is_not_json_is_one_field()
    {
        Rows("test", """{"frobnicate":"Zork"}""", """{"frobnicate":"Zap"}""").ShouldBe([("frobnicate", "Zork", "Zap")]);
        Rows("test", null, "not json").ShouldBe([("内容", "—", "not json")]);
        AuditChanges.Between("user", null, null, NoNames).Changes.ShouldBeEmpty();
    }
}

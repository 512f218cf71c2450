using System.Text.Json;
using Duban.Core.Plans;
using Duban.Core.Plans.Editing;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Plans;

public sealed class TaskEditRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static readonly TaskFields Current = new("3", "推进产教融合。", "2025年底前", new DateOnly(2025, 12, 31), null, false, null);

    private static TaskPatch Read(string json)
    {
        var (patch, problem) = TaskPatchReader.Read(JsonDocument.Parse(json).RootElement);
        problem.ShouldBeNull();
        return patch!;
    }

    [Theory]
    [InlineData("""{"deadline": "2027年6月底前"}""", "2027年6月底前", "2027-06-30", false, null)]
    [InlineData("""{"deadline": "长期坚持"}""", "长期坚持", null, true, null)]
    [InlineData("""{"deadline": "每季度"}""", "每季度", null, true, Recurrence.Quarterly)]
    [InlineData("""{"deadline": null}""", null, null, false, null)]
    [InlineData("""{"due": "2027-03-31"}""", "2027年3月31日前", "2027-03-31", false, null)]
    [InlineData("""{"deadline": null, "ongoing": true}""", "长期坚持", null, true, null)]
    [InlineData("""{"deadline": "年底前完成", "due": "2026-12-31"}""", "年底前完成", "2026-12-31", false, null)]
    public void A_deadline_is_read_as_the_parser_reads_it_and_values_win(string json, string? raw, string? due, bool ongoing, Recurrence? recurrence)
    {
        var (fields, problem) = TaskEditRules.Apply(Current, Read(json), 2026, Today);

        problem.ShouldBeNull();
        fields!.DeadlineRaw.ShouldBe(raw);
        fields.Due.ShouldBe(due is null ? null : DateOnly.Parse(due));
        fields.Ongoing.ShouldBe(ongoing);
        fields.Recurrence.ShouldBe(recurrence);
        (fields.Text, fields.No).ShouldBe((Current.Text, Current.No), "untouched fields stay");
    }

    [Theory]
    [InlineData("""{"deadline": "尽快"}""", "deadline")]
    [InlineData("""{"due": "1999-12-31"}""", "due")]
    [InlineData("""{"due": "2026-13-01"}""", "due")]
    [InlineData("""{"text": ""}""", "text")]
    [InlineData("""{"text": "有\u200B零宽空格"}""", "text")]
    [InlineData("""{"no": ""}""", "no")]
    [InlineData("""{"start": "2027-01-01", "due": "2026-12-31"}""", "start")]
    public void A_bad_field_is_named(string json, string field)
    {
        var (patch, readProblem) = TaskPatchReader.Read(JsonDocument.Parse(json).RootElement);
        var problem = readProblem ?? TaskEditRules.Apply(Current, patch!, 2026, Today).Problem;

        problem.ShouldNotBeNull();
        problem.Field.ShouldBe(field);
    }

    [Fact]
    public void The_reader_refuses_what_it_does_not_know_and_what_is_not_an_object()
    {
        TaskPatchReader.Read(JsonDocument.Parse("""{"planId": 3}""").RootElement).Problem!.Field.ShouldBe("planId");
        TaskPatchReader.Read(JsonDocument.Parse("[1]").RootElement).Problem!.Field.ShouldBe("body");
        TaskPatchReader.Read(JsonDocument.Parse("""{"recurrence": "daily"}""").RootElement).Problem!.Field.ShouldBe("recurrence");
        TaskPatchReader.Read(JsonDocument.Parse("""{"targets": [{"subject": "x", "value": "many"}]}""").RootElement).Problem!.Field.ShouldBe("targets[0].value");
        Read("{}").IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Pasted_line_breaks_are_joined_and_the_text_normalised()
    {
        TaskEditRules.CleanText("推进产教\r\n融合，建设实训基地。").Text.ShouldBe("推进产教融合，建设实训基地。");
        TaskEditRules.CleanNo("（二）、").No.ShouldBe("（二）");
    }

    [Fact]
    public void Targets_need_subject_direction_value_unit_and_a_range_its_upper_value()
    {
        TaskEditRules.CheckTarget(new TargetInput(null, "覆盖率", Comparator.AtLeast, 90, null, "%", 2025), 0).ShouldBeNull();
        TaskEditRules.CheckTarget(new TargetInput(null, "", Comparator.AtLeast, 90, null, "%", null), 0)!.Field.ShouldBe("targets[0].subject");
        TaskEditRules.CheckTarget(new TargetInput(null, "院校", Comparator.Range, 4, null, "所", null), 1)!.Field.ShouldBe("targets[1].valueMax");
        TaskEditRules.CheckTarget(new TargetInput(null, "院校", Comparator.Range, 4, 3, "所", null), 1)!.Field.ShouldBe("targets[1].valueMax");
        TaskEditRules.CheckTarget(new TargetInput(null, "院校", Comparator.Equal, 4, 5, "所", null), 1)!.Field.ShouldBe("targets[1].valueMax");
        TaskEditRules.CheckTarget(new TargetInput(null, "院校", Comparator.Equal, 4, null, "", null), 2)!.Field.ShouldBe("targets[2].unit");
        TaskEditRules.CheckTarget(new TargetInput(null, "院校", Comparator.Equal, 4, null, "所", 1900), 2)!.Field.ShouldBe("targets[2].year");
        TaskEditRules.TargetText(new TargetInput(null, "覆盖率", Comparator.AtLeast, 90, null, "%", 2025)).ShouldBe("到2025年，覆盖率不低于90%");
    }

    [Fact]
    public void Manual_keys_are_told_apart_and_sources_parse_from_their_api_names()
    {
        TaskEditRules.IsManualKey(TaskEditRules.NewManualKey()).ShouldBeTrue();
        TaskEditRules.IsManualKey("工作任务#3").ShouldBeFalse();
        TaskListSources.Parse("meetingDecision").ShouldBe(TaskListSource.MeetingDecision);
        TaskListSources.Parse("2").ShouldBeNull();
        TaskListSources.Parse("rumour").ShouldBeNull();
        TaskListSource.Instruction.Label().ShouldBe("领导批示交办");
    }
}

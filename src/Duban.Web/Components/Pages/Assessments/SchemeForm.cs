using Duban.Core.Assessments;

namespace Duban.Web.Components.Pages.Assessments;

/// <summary>
/// The scheme editor's form: one row per indicator (code, name, 分值 and the parameters of its kind, or 删除), a blank
/// row to add one, the grade thresholds and the ticked organisations. Read back into a <see cref="SchemeDefinition"/>
/// for the desk, which checks it as it checks the API's; here only what is not a number is refused, naming the row.
/// </summary>
public static class SchemeForm
{
    /// <summary>A rule parameter as the form shows it.</summary>
    public sealed record Parameter(string Name, string Label, Func<ScoringRule, decimal?> Read);

    public static IReadOnlyList<Parameter> ParametersOf(IndicatorKind kind) => kind switch
    {
        IndicatorKind.TaskCompletion =>
        [
            new("CooperatingWeight", "配合任务权重", r => r.CooperatingWeight),
            new("LateCredit", "逾期完成得分", r => r.LateCredit),
            new("OngoingMissingCredit", "长期任务缺报得分", r => r.OngoingMissingCredit),
        ],
        IndicatorKind.ReportTimeliness => [new("LateCredit", "逾期报送得分", r => r.LateCredit)],
        IndicatorKind.TargetAttainment =>
        [
            new("OnTrackCredit", "正常指标得分", r => r.OnTrackCredit),
            new("LaggingFactor", "滞后指标折算系数", r => r.LaggingFactor),
            new("NoDataCredit", "无数据得分", r => r.NoDataCredit),
        ],
        IndicatorKind.OrderResponse =>
        [
            new("ReplyShare", "回复所占比例", r => r.ReplyShare),
            new("LateReplyCredit", "逾期回复得分", r => r.LateReplyCredit),
        ],
        IndicatorKind.Deduction =>
        [
            new("SummonsPoints", "每次约谈扣分", r => r.SummonsPoints),
            new("BulletinPoints", "每次通报扣分", r => r.BulletinPoints),
        ],
        IndicatorKind.Bonus => [new("ItemMax", "每项加分上限", r => r.ItemMax)],
        _ => [],
    };

    /// <summary>Keywords as typed: separated by 、，, ; or spaces.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        (text ?? "").Split(['、', '，', ',', '；', ';', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static (SchemeDefinition? Definition, string? Error) Read(IFormCollection form, int rows)
    {
        string Text(string name) => form.TryGetValue(name, out var v) ? v.ToString() : "";
        decimal? Number(string name, string label, int row, out string? error)
        {
            error = null;
            var text = Text(name);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (AssessmentOutcome.Points(text) is { } value) return value;
            error = $"第 {row + 1} 行指标的{label}“{(text.Length > 20 ? text[..20] + "…" : text)}”不是数字。";
            return null;
        }

        var indicators = new List<IndicatorDefinition>();
        for (var i = 0; i <= rows; i++)
        {
            if (Text($"Drop-{i}") == "true") continue;
            var code = Text($"Code-{i}").Trim();
            var name = Text($"Name-{i}");
            var kindText = Text($"Kind-{i}");
            // The blank row left blank adds nothing.
            if (i == rows && code.Length == 0 && string.IsNullOrWhiteSpace(name)) continue;
            if (!Enum.TryParse<IndicatorKind>(kindText, out var kind) || !Enum.IsDefined(kind)) return (null, $"第 {i + 1} 行指标的类型无效。");
            var max = Number($"Max-{i}", "分值", i, out var maxError);
            if (maxError is not null) return (null, maxError);
            var values = new Dictionary<string, decimal?>();
            foreach (var parameter in ParametersOf(kind))
            {
                values[parameter.Name] = Number($"P-{i}-{parameter.Name}", parameter.Label, i, out var error);
                if (error is not null) return (null, error);
            }
            var rule = new ScoringRule(
                CooperatingWeight: values.GetValueOrDefault("CooperatingWeight"), LateCredit: values.GetValueOrDefault("LateCredit"),
                OngoingMissingCredit: values.GetValueOrDefault("OngoingMissingCredit"), OnTrackCredit: values.GetValueOrDefault("OnTrackCredit"),
                LaggingFactor: values.GetValueOrDefault("LaggingFactor"), NoDataCredit: values.GetValueOrDefault("NoDataCredit"),
                Keywords: kind == IndicatorKind.TargetAttainment ? Words(Text($"P-{i}-Keywords")) : null,
                ExcludeKeywords: kind == IndicatorKind.TargetAttainment ? Text($"P-{i}-ExcludeKeywords") == "true" : null,
                ReplyShare: values.GetValueOrDefault("ReplyShare"), LateReplyCredit: values.GetValueOrDefault("LateReplyCredit"),
                SummonsPoints: values.GetValueOrDefault("SummonsPoints"), BulletinPoints: values.GetValueOrDefault("BulletinPoints"),
                ItemMax: values.GetValueOrDefault("ItemMax"));
            indicators.Add(new IndicatorDefinition(code, name, kind, max ?? 0m, rule));
        }

        var grades = new decimal[3];
        string[] gradeNames = ["Excellent", "Good", "Pass"];
        string[] gradeLabels = ["优秀", "良好", "合格"];
        for (var g = 0; g < 3; g++)
        {
            if (AssessmentOutcome.Points(Text($"Grade-{gradeNames[g]}")) is not { } value) return (null, $"{gradeLabels[g]}分数线须是数字。");
            grades[g] = value;
        }

        var organizations = new List<long>();
        foreach (var text in form["OrganizationIds"])
        {
            if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return (null, "被考核单位的编号无效。");
            organizations.Add(id);
        }
        int? top = null;
        var topText = Text("Selection-Top").Trim().Normalize(System.Text.NormalizationForm.FormKC);
        if (topText.Length > 0)
        {
            if (!int.TryParse(topText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                return (null, "成效明显县、校的名额须是整数。");
            top = n;
        }
        decimal? minTotal = null;
        if (!string.IsNullOrWhiteSpace(Text("Selection-MinTotal")))
        {
            if (AssessmentOutcome.Points(Text("Selection-MinTotal")) is not { } min) return (null, "成效明显县、校的总分线须是数字。");
            minTotal = min;
        }
        var selection = top is null && minTotal is null ? null : new AchievementSelection(top, minTotal);
        return (new SchemeDefinition(organizations, indicators, new GradeBands(grades[0], grades[1], grades[2]), selection), null);
    }
}

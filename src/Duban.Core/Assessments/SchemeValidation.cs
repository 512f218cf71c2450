using Duban.Core.Text;

namespace Duban.Core.Assessments;

/// <summary>One thing wrong with a scheme: the JSON path of the field (<c>indicators[2].maxPoints</c>) and why, in Chinese.</summary>
public sealed record SchemeProblem(string Field, string Message);

/// <summary>
/// Checks a scheme before it is stored and gives it back normalised: names trimmed and normalised like every name,
/// each rule with its kind's defaults filled in and other kinds' parameters cleared. Whether the organisations exist
/// and lie in the scheme's region is the storage side's question.
/// </summary>
public static class SchemeValidation
{
    public const int MaxOrganizations = 2000;
    public const int MaxIndicators = 50;
    public const int MaxKeywords = 20;
    public const int MaxKeywordLength = 20;
    public const decimal MaxPoints = 1000m;

    public static (SchemeDefinition? Definition, IReadOnlyList<SchemeProblem> Problems) Check(SchemeDefinition definition)
    {
        var problems = new List<SchemeProblem>();
        void Problem(string field, string message) => problems.Add(new(field, message));

        var organizations = definition.OrganizationIds ?? [];
        if (organizations.Count == 0) Problem("organizationIds", "请至少选择一个被考核单位（organizationIds）。");
        else if (organizations.Count > MaxOrganizations) Problem("organizationIds", $"被考核单位不能超过 {MaxOrganizations} 个。");
        else if (organizations.Distinct().Count() != organizations.Count) Problem("organizationIds", "被考核单位有重复。");
        else if (organizations.Any(id => id <= 0)) Problem("organizationIds", "被考核单位的编号无效。");

        var indicators = definition.Indicators ?? [];
        if (indicators.Count == 0) Problem("indicators", "请至少设置一个考核指标（indicators）。");
        if (indicators.Count > MaxIndicators) Problem("indicators", $"考核指标不能超过 {MaxIndicators} 个。");
        var normalised = new List<IndicatorDefinition>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(indicators.Count, MaxIndicators); i++)
        {
            var at = $"indicators[{i}]";
            var indicator = indicators[i];
            if (indicator is null)
            {
                Problem(at, $"第 {i + 1} 个指标为空。");
                continue;
            }
            var code = indicator.Code?.Trim() ?? "";
            if (code.Length == 0) Problem($"{at}.code", $"第 {i + 1} 个指标缺少代码（code）。");
            else if (code.Length > IndicatorDefinition.MaxCodeLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                Problem($"{at}.code", $"第 {i + 1} 个指标的代码“{Shorten(code)}”须为不超过 {IndicatorDefinition.MaxCodeLength} 个字符的英文字母、数字、- 或 _。");
            else if (!codes.Add(code)) Problem($"{at}.code", $"指标代码“{code}”重复：每个指标的代码须唯一。");

            var name = indicator.Name ?? "";
            if (NameText.Problem(name, "指标名称") is { } nameProblem) Problem($"{at}.name", $"第 {i + 1} 个指标：{nameProblem}");
            else
            {
                name = NameText.Normalize(name);
                if (name.Length == 0) Problem($"{at}.name", $"第 {i + 1} 个指标缺少名称（name）。");
                else if (name.Length > IndicatorDefinition.MaxNameLength) Problem($"{at}.name", $"第 {i + 1} 个指标的名称不能超过 {IndicatorDefinition.MaxNameLength} 个字符。");
            }

            if (!Enum.IsDefined(indicator.Kind))
            {
                Problem($"{at}.kind", $"第 {i + 1} 个指标的类型无效。");
                continue;
            }
            var max = indicator.MaxPoints;
            if (max <= 0 || max > MaxPoints || decimal.Round(max, Points.Decimals) != max)
            {
                Problem($"{at}.maxPoints", $"第 {i + 1} 个指标的分值须大于 0、不超过 {Points.Text(MaxPoints)}，至多两位小数。");
                continue;
            }
            var rule = (indicator.Rule ?? ScoringRule.None).For(indicator.Kind, max);
            CheckRule(rule, indicator.Kind, max, $"{at}.rule", i + 1, Problem);
            normalised.Add(new IndicatorDefinition(code, name, indicator.Kind, max, rule));
        }
        if (indicators.Count > 0 && indicators.All(i => i is null || !i.Kind.IsBase()))
            Problem("indicators", "至少须有一个计入基础分的指标（扣分项和加分项之外）。");

        var grades = definition.Grades ?? GradeBands.Default;
        if (grades.Pass < 0 || grades.Excellent > MaxPoints || !(grades.Excellent > grades.Good && grades.Good > grades.Pass))
            Problem("grades", $"等次分数线须满足 优秀 > 良好 > 合格 ≥ 0，且不超过 {Points.Text(MaxPoints)}。");
        else if (new[] { grades.Excellent, grades.Good, grades.Pass }.Any(g => decimal.Round(g, Points.Decimals) != g))
            Problem("grades", "等次分数线至多两位小数。");

        var selection = definition.Selection;
        if (selection is { Top: null, MinTotal: null }) selection = null;
        if (selection is { Top: not null, MinTotal: not null })
            Problem("selection", "成效明显县、校的评选办法只能选一种：优秀单位前几名（selection.top）或总分线（selection.minTotal）。");
        else if (selection?.Top is { } top && (top < 1 || top > AchievementSelection.MaxTop))
            Problem("selection.top", $"成效明显县、校的名额（selection.top）须在 1 到 {AchievementSelection.MaxTop} 之间。");
        else if (selection?.MinTotal is { } min && (min < 0 || min > MaxPoints || decimal.Round(min, Points.Decimals) != min))
            Problem("selection.minTotal", $"成效明显县、校的总分线（selection.minTotal）须在 0 到 {Points.Text(MaxPoints)} 之间，至多两位小数。");

        return problems.Count > 0 ? (null, problems) : (new SchemeDefinition([.. organizations], normalised, grades, selection), problems);
    }

    private static void CheckRule(ScoringRule rule, IndicatorKind kind, decimal max, string at, int number, Action<string, string> problem)
    {
        void Share(decimal? value, string name, string label)
        {
            if (value is < 0 or > 1) problem($"{at}.{name}", $"第 {number} 个指标的{label}须在 0 到 1 之间。");
        }
        Share(rule.CooperatingWeight, "cooperatingWeight", "配合任务权重");
        Share(rule.LateCredit, "lateCredit", "逾期得分系数");
        Share(rule.OngoingMissingCredit, "ongoingMissingCredit", "长期任务缺报得分系数");
        Share(rule.OnTrackCredit, "onTrackCredit", "正常指标得分系数");
        Share(rule.LaggingFactor, "laggingFactor", "滞后指标折算系数");
        Share(rule.NoDataCredit, "noDataCredit", "无数据指标得分系数");
        Share(rule.ReplyShare, "replyShare", "回复所占比例");
        Share(rule.LateReplyCredit, "lateReplyCredit", "逾期回复得分系数");
        if (rule.SummonsPoints is < 0 || rule.SummonsPoints > max) problem($"{at}.summonsPoints", $"第 {number} 个指标每次约谈扣分须在 0 到分值 {Points.Text(max)} 之间。");
        if (rule.BulletinPoints is < 0 || rule.BulletinPoints > max) problem($"{at}.bulletinPoints", $"第 {number} 个指标每次通报扣分须在 0 到分值 {Points.Text(max)} 之间。");
        if (rule.ItemMax is <= 0 || rule.ItemMax > max) problem($"{at}.itemMax", $"第 {number} 个指标每项加分上限须大于 0、不超过分值 {Points.Text(max)}。");
        if (kind == IndicatorKind.TargetAttainment)
        {
            var words = rule.Keywords ?? [];
            if (words.Count > MaxKeywords) problem($"{at}.keywords", $"第 {number} 个指标的关键词不能超过 {MaxKeywords} 个。");
            foreach (var word in words)
            {
                if (word.Length > MaxKeywordLength) problem($"{at}.keywords", $"第 {number} 个指标的关键词“{Shorten(word)}”超过 {MaxKeywordLength} 个字符。");
                else if (NameText.Problem(word, "关键词") is { } wordProblem) problem($"{at}.keywords", $"第 {number} 个指标：{wordProblem}");
            }
            if (rule.ExcludeKeywords == true && words.Count == 0) problem($"{at}.keywords", $"第 {number} 个指标选择了“不含关键词”，但没有填写关键词。");
        }
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}

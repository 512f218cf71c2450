using System.Globalization;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking;
using Duban.Web.Tracking;
using Microsoft.AspNetCore.Http;

namespace Duban.Web.Components.Pages.Tracking;

/// <summary>What the report form holds: the fields as typed (so that a refused save loses nothing) and the chosen evidence.</summary>
public sealed class ReportFormModel
{
    public ProgressState? State { get; set; } = ProgressState.InProgress;

    /// <summary>The percentage as typed; parsed when saved.</summary>
    public string PercentText { get; set; } = "";

    public string Done { get; set; } = "";

    public string Problems { get; set; } = "";

    public string NextSteps { get; set; } = "";

    public List<long> EvidenceIds { get; set; } = [];

    public static ReportFormModel From(RevisionView revision) => new()
    {
        State = revision.State,
        PercentText = revision.PercentComplete?.ToString(CultureInfo.InvariantCulture) ?? "",
        Done = revision.Done,
        Problems = revision.Problems,
        NextSteps = revision.NextSteps,
        EvidenceIds = revision.Evidence.Select(e => e.Id).ToList(),
    };

    /// <summary>Reads the posted form; a field that cannot be read gets its message in <paramref name="errors"/>.</summary>
    public static ReportFormModel Read(IFormCollection form, IDictionary<string, string> errors)
    {
        var model = new ReportFormModel
        {
            PercentText = form["percentComplete"].ToString().Trim(),
            Done = form["done"].ToString(),
            Problems = form["problems"].ToString(),
            NextSteps = form["nextSteps"].ToString(),
        };
        model.State = Enum.TryParse<ProgressState>(form["state"].ToString(), out var state) && Enum.IsDefined(state) ? state : null;
        if (model.State is null) errors["state"] = "请选择进展状态。";
        if (model.PercentText.Length > 0 && !int.TryParse(model.PercentText, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            errors["percentComplete"] = "完成百分比必须是 0 到 100 之间的整数。";
        foreach (var id in form["evidenceIds"])
        {
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var evidenceId)) model.EvidenceIds.Add(evidenceId);
            else errors["evidenceIds"] = "佐证材料的选择无效，请刷新页面后重试。";
        }
        return model;
    }

    private int? Percent => int.TryParse(PercentText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;

    public ReportContent ToContent(bool ongoing) =>
        new(State, ongoing ? null : Percent, Done, Problems, NextSteps, EvidenceIds.Distinct().ToList());

    /// <summary>Whether saving would only repeat the latest revision (submitting unchanged content adds no revision).</summary>
    public bool SameAs(RevisionView? latest) =>
        latest is not null && latest.State == State && latest.PercentComplete == Percent
        && latest.Done == Done.Trim() && latest.Problems == Problems.Trim() && latest.NextSteps == NextSteps.Trim()
        && latest.Evidence.Select(e => e.Id).Order().SequenceEqual(EvidenceIds.Distinct().Order());
}

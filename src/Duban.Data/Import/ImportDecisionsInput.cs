using System.Text.Json;
using Duban.Core.Import;
using Duban.Core.Import.Review;
using Duban.Core.Organizations;
using Duban.Parsing.Model;

namespace Duban.Data.Import;

// The decisions as JSON: what the API's confirmation takes and `duban import --decisions FILE` reads, so that a script
// can make every choice the wizard's person can.

/// <summary>One unit's decision as the API and the wizard send it.</summary>
/// <param name="Action">map (to existing organisations), create (a new one), expand (a collective: the organisations of
/// <paramref name="OrganizationIds"/> and the new ones of <paramref name="Create"/>) or none (不作为单位: no assignment).</param>
public sealed record UnitDecisionInput(string Action, IReadOnlyList<long>? OrganizationIds = null, bool RememberAlias = true, string? Name = null,
    OrganizationKind? Kind = null, long? RegionId = null, IReadOnlyList<NewOrganizationInput>? Create = null);

/// <summary>A member of an expanded collective to create: its name, kind and region (null: the plan's).</summary>
public sealed record NewOrganizationInput(string? Name, OrganizationKind? Kind = null, long? RegionId = null);

/// <summary>A correction of one task in the review: its key (from the analysis), and the fields to change.</summary>
/// <param name="AddUnits">Units to add, each with role lead or cooperating.</param>
public sealed record TaskEditInput(string? Task, string? Deadline = null, string? Text = null, IReadOnlyList<UnitAddInput>? AddUnits = null,
    IReadOnlyList<string>? RemoveUnits = null);

public sealed record UnitAddInput(string? Name, string? Role = null);

public sealed record ImportDecisionsInput(IReadOnlyDictionary<string, UnitDecisionInput>? Units, bool AllowWithoutTasks = false,
    IReadOnlyList<TaskEditInput>? TaskEdits = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The decisions, or the message saying which one is malformed.</summary>
    public (ImportDecisions? Decisions, string? Error) ToDecisions()
    {
        var units = new Dictionary<string, UnitDecision>(StringComparer.Ordinal);
        foreach (var (name, input) in Units ?? new Dictionary<string, UnitDecisionInput>())
        {
            UnitDecision? decision = input.Action?.ToLowerInvariant() switch
            {
                "map" when input.OrganizationIds is { Count: > 0 } ids => new MapToOrganizations(ids, input.RememberAlias),
                "expand" when (input.OrganizationIds?.Count ?? 0) + (input.Create?.Count ?? 0) > 0 => new ExpandCollective(
                    input.OrganizationIds ?? [],
                    [.. (input.Create ?? []).Select(c => new NewOrganization(c.Name?.Trim() ?? "", c.Kind ?? OrganizationKind.Other, c.RegionId))]),
                "create" => new CreateOrganization(string.IsNullOrWhiteSpace(input.Name) ? name : input.Name.Trim(), input.Kind ?? OrganizationKind.Other, input.RegionId),
                "none" => new NotAUnit(),
                _ => null,
            };
            if (decision is null)
                return (null, $"单位「{name}」的处理方式无效：action 须为 map、create、expand 或 none，map 须给出 organizationIds，expand 须给出 organizationIds 或 create。");
            units[name] = decision;
        }
        var edits = new List<ReviewEdit>();
        foreach (var edit in TaskEdits ?? [])
        {
            if (string.IsNullOrWhiteSpace(edit.Task)) return (null, "taskEdits 中每一项都须给出 task（任务的 key，见分析结果的 taskLists[].tasks[].key）。");
            var added = new List<ReviewUnit>();
            foreach (var unit in edit.AddUnits ?? [])
            {
                UnitRole? role = unit.Role?.ToLowerInvariant() switch { null or "" or "lead" => UnitRole.Lead, "cooperating" => UnitRole.Cooperating, _ => null };
                if (role is null) return (null, $"任务「{edit.Task}」新增单位「{unit.Name}」的 role 无效：须为 lead 或 cooperating。");
                added.Add(new ReviewUnit(unit.Name ?? "", role.Value));
            }
            edits.Add(new ReviewEdit(edit.Task, edit.Deadline, edit.Text, added, edit.RemoveUnits));
        }
        return (new ImportDecisions(units, AllowWithoutTasks, edits), null);
    }
}

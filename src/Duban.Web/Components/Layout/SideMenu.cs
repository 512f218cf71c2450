using System.Security.Claims;
using Duban.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Duban.Web.Components.Layout;

/// <summary>One entry of the sidebar.</summary>
/// <param name="Href">Relative to the base address, as the page's route ("" for the home page).</param>
/// <param name="Icon">A Bootstrap Icons class (bi-…).</param>
/// <param name="Policy">
/// Who sees the entry: a <see cref="DubanPolicies"/> policy, or null for everyone, visitors included. It is the page's own
/// rule or a narrower one (SideMenuTests holds it to the pages), so that nobody is offered a page that refuses them.
/// </param>
/// <param name="FullLoad">Not a Blazor page (the API documentation): followed with a full page load, not enhanced navigation.</param>
/// <param name="AnonymousLabel">The label visitors who are not signed in read instead, when it differs.</param>
/// <param name="Owns">
/// Pages under another entry's address that belong to this entry's job (<c>*</c> stands for one segment): the report
/// form <c>tasks/12/report</c> is where a reporter's 我的任务 leads, not the task list, for whoever sees 我的任务.
/// </param>
public sealed record SideMenuItem(string Href, string Label, string Icon, string? Policy, bool FullLoad = false, string? AnonymousLabel = null,
    IReadOnlyList<string>? Owns = null);

/// <summary>A group of entries under a heading, by the job they serve; shown when any of its entries is.</summary>
/// <param name="Icon">The heading's Bootstrap Icons class.</param>
/// <param name="Folds">
/// The group folds under its heading (open on its own pages, closed elsewhere, as the admin systems these users know do);
/// 工作台 does not: it is one link, the way home.
/// </param>
public sealed record SideMenuGroup(string Title, string Icon, IReadOnlyList<SideMenuItem> Items, bool Folds = true);

/// <summary>
/// The sidebar, grouped the way a government office divides its work (the RuoYi-style admin systems their staff use
/// daily): 工作台, 计划与任务, 填报与审核, 督办, 统计分析 (总览, 地区对比 and the annual 考核), 系统管理.
/// </summary>
public static class SideMenu
{
    public static IReadOnlyList<SideMenuGroup> Groups { get; } =
    [
        new("工作台", "bi-speedometer2",
        [
            new("", "工作台", "bi-speedometer2", null, AnonymousLabel: "首页"),
        ], Folds: false),
        new("计划与任务", "bi-journal-text",
        [
            new("plans", "计划", "bi-file-earmark-text", null),
            new("tasks", "任务", "bi-list-check", DubanPolicies.SignedIn),
            new("import", "导入计划", "bi-upload", DubanPolicies.Admin),
            new("plans/new", "新建交办事项", "bi-plus-square", DubanPolicies.Admin),
        ]),
        new("填报与审核", "bi-pencil-square",
        [
            new("my", "我的任务", "bi-person-workspace", DubanPolicies.Reporter, Owns: ["tasks/*/report"]),
            // The page is open to every signed-in user, but inspectors neither fill templates nor need them offered.
            new("templates", "填报模板", "bi-file-earmark-spreadsheet", DubanPolicies.ReporterOrAdmin),
            new("review", "审核", "bi-clipboard-check", DubanPolicies.Admin),
        ]),
        new("督办", "bi-megaphone",
        [
            new("supervision", "督办单", "bi-exclamation-square", DubanPolicies.SignedIn),
            new("bodies", "议事机构", "bi-people-fill", DubanPolicies.SignedIn),
        ]),
        new("统计分析", "bi-pie-chart",
        [
            new("dashboard", "总览", "bi-bar-chart-line", DubanPolicies.Oversight),
            new("comparison", "地区对比", "bi-grid-3x3", DubanPolicies.Oversight),
            // Reporters take part in an assessment (自评) and read their own score card, so the list is theirs too.
            new("assessments", "考核", "bi-award", DubanPolicies.SignedIn),
            new("assessment-schemes", "考核方案", "bi-sliders", DubanPolicies.Oversight),
        ]),
        new("系统管理", "bi-gear",
        [
            new("users", "用户", "bi-people", DubanPolicies.Admin),
            new("organizations", "组织机构", "bi-diagram-3", DubanPolicies.Oversight),
            new("regions", "区划", "bi-geo-alt", DubanPolicies.Admin),
            new("audit", "审计日志", "bi-journal-check", DubanPolicies.Admin),
            new("webhooks", "Webhook", "bi-broadcast", DubanPolicies.FullAdmin),
            // Public documentation, but of use only to those who script the system: not offered to reporters.
            new("api/docs/", "API 文档", "bi-code-slash", DubanPolicies.Oversight, FullLoad: true),
        ]),
    ];

    /// <summary>The groups with the entries the user may open (visitors: the public ones); a group left empty is left out.</summary>
    public static async Task<IReadOnlyList<SideMenuGroup>> VisibleAsync(IAuthorizationService authorization, ClaimsPrincipal user)
    {
        var signedIn = DubanUser.From(user) is not null;
        var visible = new List<SideMenuGroup>();
        foreach (var group in Groups)
        {
            var items = new List<SideMenuItem>();
            foreach (var item in group.Items)
                if (item.Policy is null || (signedIn && (await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)) items.Add(item);
            if (items.Count > 0) visible.Add(group with { Items = items });
        }
        return visible;
    }

    /// <summary>
    /// The entry the address belongs to: the longest entry that is the path or a folder above it (tasks/12 → 任务,
    /// plans/new → 新建交办事项, not 计划), so that exactly one entry is marked.
    /// </summary>
    public static SideMenuItem? Current(string relativePath, IEnumerable<SideMenuItem> items)
    {
        var path = relativePath.Split('?', '#')[0].Trim('/');
        var list = items.ToList();
        return list.FirstOrDefault(i => i.Owns?.Any(pattern => Matches(pattern, path)) == true)
            ?? list.Where(i => i.Href.TrimEnd('/') is var href && (href == path || (href.Length > 0 && path.StartsWith(href + "/", StringComparison.Ordinal))))
                .MaxBy(i => i.Href.Length);
    }

    /// <summary>Whether the path is the pattern's, segment by segment, <c>*</c> standing for any one segment.</summary>
    private static bool Matches(string pattern, string path)
    {
        var want = pattern.Split('/');
        var have = path.Split('/');
        return want.Length == have.Length && want.Zip(have).All(p => p.First == "*" || p.First == p.Second);
    }
}

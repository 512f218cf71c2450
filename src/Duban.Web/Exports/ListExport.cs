using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Web.Display;
using Duban.Web.Ledger;
using Duban.Web.Organizations;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Supervision;
using Duban.Web.Users;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Exports;

/// <summary>
/// A list as an .xlsx: the same query the page pages through (same scope, same filters, same order), every row, one
/// sheet, written into the response as the rows are read (<see cref="XlsxDownload"/>). Each method takes the list's own filter record, so a filter added to a list reaches its export.
/// </summary>
public sealed class ListExport(DubanDbContext db, LedgerExport ledger, SupervisionQueries orders, UserAdministration users, OrganizationList organizations, TimeProvider time)
{
    public const string OrderSheet = "督办单", UserSheet = "用户", OrganizationSheet = "组织机构";

    public static readonly IReadOnlyList<XlsxColumn> OrderColumns =
    [
        new("序号", 6), new("编号", 18), new("计划", 30), new("任务编号", 10), new("任务", 50), new("责任单位", 24), new("督办事由", 40), new("下发方式", 10),
        new("下发人", 12), new("下发日期", 16), new("回复期限", 16), new("状态", 12), new("回复次数", 10),
    ];

    public static readonly IReadOnlyList<XlsxColumn> UserColumns =
    [
        new("序号", 6), new("用户名", 18), new("姓名", 14), new("角色", 10), new("数据范围", 30), new("单位", 28), new("地区", 16), new("状态", 10), new("创建时间", 20),
    ];

    public static readonly IReadOnlyList<XlsxColumn> OrganizationColumns =
    [
        new("序号", 6), new("名称", 36), new("类型", 10), new("区划", 16), new("别名", 40),
    ];

    /// <summary>The file name of an export made today: 督办单-20261206.xlsx.</summary>
    public string FileName(string sheet) => $"{sheet}-{Core.Tracking.Status.TrackingDay.Today(time):yyyyMMdd}.xlsx";

    /// <summary>The task list as a 任务台账 (the ledger's columns), rows as the list shows them, streamed batch by batch.</summary>
    public Task<IResult> TasksAsync(DubanUser user, TaskFilter filter, CancellationToken ct) => ledger.TasksAsync(user, filter, FileName(LedgerExport.TaskSheet), ct);

    /// <summary>
    /// The 督办单 list, streamed: read page by page along the list's own keyset (<see cref="SupervisionQueries.PageAsync"/>,
    /// a batch of <see cref="LedgerExport.BatchSize"/> per page), each batch's plan titles read with it.
    /// </summary>
    public async Task<IResult> OrdersAsync(DubanUser user, OrderFilter filter, CancellationToken ct)
    {
        if (XlsxDownload.TooManyRows(await orders.Filtered(user, filter).OrderBy(o => o.Id).Take(XlsxWorkbook.MaxDataRows + 1).CountAsync(ct)) is { } refused) return refused;
        return new XlsxDownload(FileName(OrderSheet), [new XlsxStreamSheet(OrderSheet, OrderColumns, OrderRowsAsync(user, filter, default))]);
    }

    private async IAsyncEnumerable<IReadOnlyList<XlsxValue>> OrderRowsAsync(DubanUser user, OrderFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var i = 0;
        for (string? after = null; ;)
        {
            var page = await orders.PageAsync(user, filter, new KeysetRequest(new PageRequest(1, ledger.BatchSize), after), ct);
            var planIds = page.Items.Select(o => o.PlanId).Distinct().ToList();
            var plans = await db.Plans.AsNoTracking().Where(p => EF.Parameter(planIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
            foreach (var o in page.Items)
                yield return
                [
                    ++i, o.Number, plans.GetValueOrDefault(o.PlanId), o.TaskNo ?? "", o.FilingId is null ? o.TaskText ?? "" : o.Subject, o.OrganizationName, o.Reason, o.OriginName, o.IssuedByName,
                    DateOnly.FromDateTime(ChineseText.ToChinaTime(o.IssuedAt).DateTime), o.ReplyBy, o.StatusName, o.Replies,
                ];
            if (page.Next is not { } next) yield break;
            after = next;
        }
    }

    /// <summary>The user list, streamed from its one query.</summary>
    public async Task<IResult> UsersAsync(DubanUser admin, UserFilter filter, CancellationToken ct)
    {
        if (XlsxDownload.TooManyRows(await users.Listed(admin, filter).Take(XlsxWorkbook.MaxDataRows + 1).CountAsync(ct)) is { } refused) return refused;
        return new XlsxDownload(FileName(UserSheet), [new XlsxStreamSheet(UserSheet, UserColumns, UserRowsAsync(admin, filter, default))]);
    }

    private async IAsyncEnumerable<IReadOnlyList<XlsxValue>> UserRowsAsync(DubanUser admin, UserFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var i = 0;
        await foreach (var u in users.Listed(admin, filter).AsAsyncEnumerable().WithCancellation(ct))
            yield return
            [
                ++i, u.UserName, u.DisplayName, ChineseText.Name(u.Role), ScopeText(u), u.OrganizationName, u.RegionName,
                !u.IsActive ? "已停用" : u.LockedUntil is { } until && until > now ? "已锁定" : "启用",
                u.CreatedAt,
            ];
    }

    /// <summary>
    /// The organisation list, streamed: its ids read first in the page's order (which also counts them), then the rows
    /// with their aliases <see cref="LedgerExport.BatchSize"/> at a time.
    /// </summary>
    public async Task<IResult> OrganizationsAsync(DubanUser user, OrganizationListFilter filter, CancellationToken ct)
    {
        var ids = await organizations.IdsAsync(user, filter, XlsxWorkbook.MaxDataRows + 1, ct);
        if (XlsxDownload.TooManyRows(ids.Count) is { } refused) return refused;
        return new XlsxDownload(FileName(OrganizationSheet), [new XlsxStreamSheet(OrganizationSheet, OrganizationColumns, OrganizationRowsAsync(ids, default))]);
    }

    private async IAsyncEnumerable<IReadOnlyList<XlsxValue>> OrganizationRowsAsync(List<long> ids, [EnumeratorCancellation] CancellationToken ct)
    {
        var i = 0;
        foreach (var batch in ids.Chunk(ledger.BatchSize))
            foreach (var o in await organizations.RowsAsync(batch, ct))
                yield return [++i, o.Name, ChineseText.Name(o.Kind), o.RegionName, string.Join("、", o.Aliases)];
    }

    /// <summary>A user's data scope in words, as the user list shows it: 本单位（清河市教育局）, 本区域及下级（清河市）, 全部.</summary>
    public static string ScopeText(UserView user) => ChineseText.Name(user.Scope) + user.Scope switch
    {
        Core.Security.DataScope.Own when user.OrganizationName is { } org => $"（{org}）",
        Core.Security.DataScope.RegionAndBelow when user.RegionName is { } region => $"（{region}）",
        _ => "",
    };
}

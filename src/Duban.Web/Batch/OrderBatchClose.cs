using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Data.Supervision;
using Duban.Data.Tracking;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Supervision;

namespace Duban.Web.Batch;

/// <summary>
/// 批量办结 on the 督办单 list. Each order is asked what closing it on its own page or through the API asks — does the
/// administrator see it, does it answer for the order's organisation (<see cref="ActingRights.ForOrderAsync"/>), is it
/// the version confirmed, is there a reply to accept or is closing without one stated — and is closed by
/// <see cref="SupervisionDesk.CloseAsync"/> (audit, timeline, notification), each in its own transaction.
/// </summary>
public sealed class OrderBatchClose(DubanDbContext db, SupervisionQueries orders, ActingRights rights, SupervisionDesk desk)
{
    public async Task<IReadOnlyList<BatchCandidate>> CandidatesAsync(DubanUser user, IReadOnlyList<long> ids, bool withoutReply, CancellationToken ct)
    {
        var candidates = new List<BatchCandidate>();
        foreach (var id in ids)
        {
            var detail = await orders.GetAsync(user, id, ct);
            if (detail is null)
            {
                candidates.Add(new(id, $"督办单 {id}", "", "", null, BatchRules.NotFound));
                continue;
            }
            var o = detail.Order;
            string? refusal = !await rights.ForOrderAsync(user, id, ct) ? ActingRights.NotResponsible
                : o.Status == OrderStatus.Closed ? "该督办单已办结。"
                : o.Status != OrderStatus.Answered && !withoutReply ? "没有待审核的整改回复；如确需办结，请勾选“未回复的也直接办结”。"
                : null;
            candidates.Add(new(id, $"{o.Number} {o.OrganizationName}", o.FilingId is null ? $"{o.TaskNo} {PlanText.Shorten(o.TaskText ?? "", 60)}" : o.Subject, o.StatusName, detail.Version, refusal));
        }
        return candidates;
    }

    public async Task<IReadOnlyList<BatchItemResult>> CloseAsync(DubanUser user, TrackingActor actor, IReadOnlyList<(long Id, Guid Version)> items, OrderCloseInput input,
        CancellationToken ct)
    {
        var results = new List<BatchItemResult>();
        foreach (var (id, version) in items)
        {
            var detail = await orders.GetAsync(user, id, ct);
            var label = detail is null ? $"督办单 {id}" : $"{detail.Order.Number} {detail.Order.OrganizationName}";
            if (detail is null) results.Add(new(id, label, false, BatchRules.NotFound));
            else if (!await rights.ForOrderAsync(user, id, ct)) results.Add(new(id, label, false, ActingRights.NotResponsible));
            else
            {
                // Without a reply awaiting review, only an order the administrator chose to close without one is closed.
                var outcome = await desk.CloseAsync(actor, id, version, input with { WithoutReply = input.WithoutReply == true && detail.Order.Status != OrderStatus.Answered }, ct);
                results.Add(outcome.Error is { } error
                    ? new(id, label, false, error.Kind == TrackingErrorKind.Stale ? "确认之后该督办单已被修改，未处理；请查看最新内容后再办结。"
                        : error.Field == "withoutReply" ? "没有待审核的整改回复；如确需办结，请勾选“未回复的也直接办结”。" : error.Message)
                    : new(id, label, true, "已办结"));
            }
            // A refused save leaves its changes tracked; the next order's save must not carry them.
            db.ChangeTracker.Clear();
        }
        return results;
    }
}

using Duban.Core.Tracking.Reporting;
using Duban.Data.Supervision;
using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Duban.Web.Batch;

/// <summary>One item of a batch: the record and the version (its ETag) the client read.</summary>
public sealed record BatchItemBody(long? Id, string? Version);

public sealed record BatchReviewBody(IReadOnlyList<BatchItemBody>? Items, ReviewDecision? Decision, string? Comment);

public sealed record BatchCloseBody(IReadOnlyList<BatchItemBody>? Items, string? Comment, bool? WithoutReply);

/// <summary>The batch's outcome: how many were done, how many left alone, and each item's result in the order given.</summary>
public sealed record BatchResultBody(int Done, int Refused, IReadOnlyList<BatchItemResult> Items);

/// <summary>
/// 批量通过 / 退回 and 批量办结 through the API, by the same services as the batch pages. Unlike the pages, where the
/// administrator picks from a list of their own, a batch naming a record the caller does not see (404) or does not
/// answer for (403) is refused as a whole before anything is written: a client learns of its mistake instead of
/// finding one item quietly skipped. What the data refuses (a report no longer awaiting review, a version changed
/// since it was read) is reported item by item, and the rest is done.
/// </summary>
public static class BatchEndpoints
{
    public static void MapBatch(RouteGroupBuilder api)
    {
        api.MapPost("/reports/batch-review", ReviewAsync).WithTags("进展报告").RequireAuthorization(DubanPolicies.Admin)
            .WithName("BatchReviewReports").WithSummary("批量审核进展报告")
            .WithDescription($"items：[{{id, version}}]（version 为读取报告时的 ETag），一次最多 {BatchRules.MaxItems} 项；decision 为 approved 或 returned（退回须填写 comment，用于每一份报告）。"
                             + "任何一项不存在或不在您的数据范围内返回 404，不由您负责审核返回 403，均不处理任何一项；其余逐项处理，返回每项结果（已通过/已退回，或未处理的原因）。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/supervision-orders/batch-close", CloseAsync).WithTags("督办").RequireAuthorization(DubanPolicies.Admin)
            .WithName("BatchCloseSupervisionOrders").WithSummary("批量办结督办单")
            .WithDescription($"items：[{{id, version}}]（version 为读取督办单时的 ETag），一次最多 {BatchRules.MaxItems} 项；comment 办结意见；withoutReply 为 true 时未回复的也直接办结。"
                             + "任何一项不存在或不在您的数据范围内返回 404，不由您负责返回 403，均不处理任何一项；其余逐项办结，返回每项结果。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<BatchResultBody>, ProblemHttpResult>> ReviewAsync(BatchReviewBody body, HttpContext context, ReportBatchReview batch, CancellationToken ct)
    {
        var (items, invalid) = Read(body.Items);
        if (invalid is not null) return invalid;
        if (body.Decision is not ReviewDecision.Approved and not ReviewDecision.Returned)
            return ApiResults.Problem(400, ApiResults.InvalidFieldTitle, "decision 必须是 approved（通过）或 returned（退回）。", "decision");
        var user = DubanUser.Required(context.User);
        if (Refusal(await batch.CandidatesAsync(user, [.. items.Select(i => i.Id)], ct), "报告") is { } refused) return refused;
        var results = await batch.ReviewAsync(user, TrackingApi.ActorOf(context), items, new ReviewInput(body.Decision, body.Comment), ct);
        return TypedResults.Ok(new BatchResultBody(results.Count(r => r.Done), results.Count(r => !r.Done), results));
    }

    private static async Task<Results<Ok<BatchResultBody>, ProblemHttpResult>> CloseAsync(BatchCloseBody body, HttpContext context, OrderBatchClose batch, CancellationToken ct)
    {
        var (items, invalid) = Read(body.Items);
        if (invalid is not null) return invalid;
        var user = DubanUser.Required(context.User);
        if (Refusal(await batch.CandidatesAsync(user, [.. items.Select(i => i.Id)], body.WithoutReply == true, ct), "督办单") is { } refused) return refused;
        var results = await batch.CloseAsync(user, TrackingApi.ActorOf(context), items, new OrderCloseInput(body.Comment, body.WithoutReply), ct);
        return TypedResults.Ok(new BatchResultBody(results.Count(r => r.Done), results.Count(r => !r.Done), results));
    }

    /// <summary>404 when any item is not seen, 403 when any is seen but not the caller's to act on; each naming the items.</summary>
    private static ProblemHttpResult? Refusal(IReadOnlyList<BatchCandidate> candidates, string what)
    {
        var missing = candidates.Where(c => c.Refusal == BatchRules.NotFound).Select(c => c.Id).ToList();
        if (missing.Count > 0)
            return ApiResults.Problem(404, "未找到", $"{what} {string.Join("、", missing)} 不存在或不在您的数据范围内；本批未处理任何一项。", "items");
        var others = candidates.Where(c => c.Refusal == ActingRights.NotResponsible).Select(c => c.Id).ToList();
        return others.Count > 0
            ? ApiResults.Problem(403, "无权访问", $"{what} {string.Join("、", others)} 不由您负责处理：{ActingRights.NotResponsible}本批未处理任何一项。", "items")
            : null;
    }

    /// <summary>The items as ids with versions: each present, positive, once, with a version that is an ETag (or its bare 32 hex digits).</summary>
    private static (IReadOnlyList<(long Id, Guid Version)> Items, ProblemHttpResult? Invalid) Read(IReadOnlyList<BatchItemBody>? items)
    {
        static ProblemHttpResult Invalid(string detail, string field) => ApiResults.Problem(400, ApiResults.InvalidFieldTitle, detail, field);
        if (items is null || items.Count == 0) return ([], Invalid("items 必须给出要处理的项目（[{id, version}]）。", "items"));
        if (items.Count > BatchRules.MaxItems) return ([], Invalid($"一次最多处理 {BatchRules.MaxItems} 项，items 有 {items.Count} 项。", "items"));
        var read = new List<(long, Guid)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { Id: > 0 and var id }) return ([], Invalid($"items[{i}].id 必须是正整数。", $"items[{i}].id"));
            if (read.Any(r => r.Item1 == id)) return ([], Invalid($"items[{i}].id {id} 重复。", $"items[{i}].id"));
            if (VersionOf(items[i].Version) is not { } version)
                return ([], Invalid($"items[{i}].version 必须是读取该项时得到的 ETag。", $"items[{i}].version"));
            read.Add((id, version));
        }
        return (read, null);
    }

    private static Guid? VersionOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var tag = EntityTagHeaderValue.TryParse(text.Trim(), out var parsed) && !parsed.IsWeak ? parsed.Tag.ToString().Trim('"') : text.Trim();
        return Guid.TryParseExact(tag, "N", out var version) ? version : null;
    }
}

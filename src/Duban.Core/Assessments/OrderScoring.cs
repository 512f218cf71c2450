namespace Duban.Core.Assessments;

/// <summary>
/// 督办响应: each 督办单 addressed to the organisation in the year. Answering it earns <see cref="ScoringRule.ReplyShare"/>
/// (less when late), its being closed (办结) the rest. An order still within its reply date and unanswered is listed, not
/// counted: nothing is owed yet.
/// </summary>
internal static class OrderScoring
{
    public static (IReadOnlyList<ExplanationItem>, string) Response(decimal max, ScoringRule rule, AssessmentFacts facts, IReadOnlyList<OrderFact> orders)
    {
        var replyShare = rule.ReplyShare!.Value;
        var closeShare = 1 - replyShare;
        var looked = new List<RateScoring.Looked>();
        foreach (var order in orders.OrderBy(o => o.OrderId))
        {
            var label = $"{order.Number}（{order.Subject}）";
            var replied = order.FirstReplyOn is { } on && on <= facts.AsOf;
            if (!replied && !order.Closed && order.ReplyBy >= facts.AsOf)
            {
                looked.Add(new(FactKind.Order, order.OrderId, order.Task?.TaskId, label,
                    $"{TaskScoring.ChineseDate(order.IssuedOn)} 下发，回复期限 {TaskScoring.ChineseDate(order.ReplyBy)} 未到，不计入", 0m, 0m));
                continue;
            }
            decimal reply;
            string replyText;
            if (replied && order.FirstReplyOn <= order.ReplyBy) (reply, replyText) = (1m, $"{TaskScoring.ChineseDate(order.FirstReplyOn!.Value)} 按期回复");
            else if (replied) (reply, replyText) = (rule.LateReplyCredit!.Value, $"{TaskScoring.ChineseDate(order.FirstReplyOn!.Value)} 逾期回复（期限 {TaskScoring.ChineseDate(order.ReplyBy)}），回复部分计 {RateScoring.Credit(rule.LateReplyCredit!.Value)}");
            else if (order.ClosedWithoutReply) (reply, replyText) = (1m, "未回复即由办公室办结（无须整改）");
            else (reply, replyText) = (0m, $"逾期未回复（期限 {TaskScoring.ChineseDate(order.ReplyBy)}）");
            var closed = order.Closed ? 1m : 0m;
            var closedText = order.Closed ? "已办结" : "未办结";
            var returns = order.Returns > 0 ? $"，整改不到位退回 {order.Returns} 次" : "";
            var credit = Math.Round(replyShare * reply + closeShare * closed, 4);
            looked.Add(new(FactKind.Order, order.OrderId, order.Task?.TaskId, label,
                $"{replyText}，{closedText}{returns}：{RateScoring.Credit(replyShare)} × {RateScoring.Credit(reply)} + {RateScoring.Credit(closeShare)} × {RateScoring.Credit(closed)} = {Points.Text(credit)}",
                1m, credit));
        }
        return RateScoring.Combine(max, looked, "考核年度内没有需回复的督办单，按满分计。");
    }
}

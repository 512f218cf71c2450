namespace Duban.Web.Paging;

/// <summary>How the lists read by key page and count, in the words of the API's descriptions (the task list's says the same).</summary>
public static class ListPagingHelp
{
    public const string Text = "翻页：响应中的 next、previous 是游标，作为 after、before 参数取下一页、上一页（任意深度都与第一页一样快；筛选条件须与取得游标时相同）；page 仅用于前几页。"
                               + "total 为总数，totalKind 说明其性质：exact 精确；kept 为 countedAt 时统计、此后无写入；estimate 为 countedAt 时的统计、此后已有变动（约数，正在重新统计）；atLeast 表示至少这么多（首次统计进行中）。";
}

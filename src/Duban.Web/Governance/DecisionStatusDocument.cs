using Duban.Core.Governance;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Web.Display;
using Duban.Web.Notices;
using Duban.Web.Security;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Governance;

/// <summary>A decision's row in the document: the decision, its latest report, and the meeting it came from when carried over.</summary>
/// <param name="LatestReport">The newest submitted report text the reader may see, with who sent it and when; null when none.</param>
/// <param name="CarriedFrom">第K次: set for an earlier meeting's decision still open, listed after the meeting's own.</param>
public sealed record DecisionStatusRow(DecisionView Decision, string? LatestReport, string? ReportedBy, DateOnly? ReportedOn, int? CarriedFrom);

public sealed record DecisionStatusFacts(string BodyName, int Number, string MeetingTitle, DateOnly MeetingDate, IReadOnlyList<DecisionStatusRow> Rows, DateOnly AsOf);

/// <summary>
/// 第N次会议议定事项落实情况: the document an office brings to the body's next meeting — each 议定事项 of the meeting with
/// its responsible units, deadline, status and the latest report, then the earlier meetings' decisions still open
/// (docs/governance.md, "议定事项落实情况"). Read from the meeting as the reader sees it: whoever reads the meeting may
/// download it; report texts are those of tasks the reader sees.
/// </summary>
public sealed class DecisionStatusDocument(DubanDbContext db, GovernanceQueries queries, TrackingQueries tracking, TimeProvider clock)
{
    /// <summary>How much of a report's text the table cell keeps; the report itself is on the task's page.</summary>
    public const int ReportExcerptLength = 80;

    public async Task<(byte[] Docx, string FileName)?> WriteAsync(DubanUser user, long meetingId, CancellationToken ct)
    {
        if (await queries.MeetingAsync(user, meetingId, ct) is not { } meeting) return null;
        var earlier = await db.Set<Meeting>().AsNoTracking().Where(m => m.BodyId == meeting.BodyId && m.Id != meeting.Id)
            .Select(m => new { m.Id, m.Date }).ToListAsync(ct);
        var numbers = earlier.Append(new { meeting.Id, meeting.Date }).OrderBy(m => m.Date).ThenBy(m => m.Id).Select((m, i) => (m.Id, Number: i + 1)).ToDictionary(m => m.Id, m => m.Number);
        var carried = meeting.PreviousOpen.Where(d => numbers[d.MeetingId] < meeting.Number).ToList();
        var decisions = meeting.Decisions.Concat(carried).ToList();
        var reports = await LatestReportsAsync(user, decisions.Select(d => d.TaskId).ToList(), ct);
        var rows = decisions.Select(d =>
        {
            var report = reports.GetValueOrDefault(d.TaskId);
            return new DecisionStatusRow(d, report?.Done, report?.Organization, report?.On, d.MeetingId == meeting.Id ? null : numbers[d.MeetingId]);
        }).ToList();
        var today = DateOnly.FromDateTime(ChineseText.ToChinaTime(clock.GetUtcNow()).DateTime);
        var facts = new DecisionStatusFacts(meeting.BodyName, meeting.Number, meeting.Title, meeting.Date, rows, today);
        return (DocxWriter.Write(Compose(facts)), FileName(facts));
    }

    public static string Title(DecisionStatusFacts f) => $"{f.BodyName}第{f.Number}次会议议定事项落实情况";

    public static string FileName(DecisionStatusFacts f) => $"{Title(f)}.docx";

    public static OfficialDocument Compose(DecisionStatusFacts f)
    {
        var own = f.Rows.Where(r => r.CarriedFrom is null).Select(r => r.Decision).ToList();
        var counts = string.Join("，", new[]
        {
            (TrackingStatus.Completed, "已完成"), (TrackingStatus.Overdue, "逾期"), (TrackingStatus.DueSoon, "即将到期"),
        }.Select(s => (Label: s.Item2, Count: own.Count(d => d.Status == s.Item1))).Where(s => s.Count > 0).Select(s => $"{s.Label}{s.Count}项"));
        var summary = own.Count == 0
            ? $"{ChineseText.Date(f.MeetingDate)}召开的{f.MeetingTitle}（第{f.Number}次会议）没有登记议定事项。"
            : $"{ChineseText.Date(f.MeetingDate)}召开的{f.MeetingTitle}（第{f.Number}次会议）议定事项共{own.Count}项。截至{ChineseText.Date(f.AsOf)}，"
              + (counts.Length == 0 ? "尚无已完成或逾期的事项" : counts) + "。";
        var carried = f.Rows.Count - own.Count;
        if (carried > 0) summary += $"此前会议议定、尚未完成的事项{carried}项一并列出。";
        var p = new List<DocumentParagraph>
        {
            new(DocumentPart.Title, Title(f)),
            new(DocumentPart.Body, summary + "具体落实情况如下。"),
        };
        if (f.Rows.Count > 0)
            p.Add(new(DocumentPart.Table, "议定事项落实情况", new DocumentTable(
                ["序号", "议定事项", "责任单位", "完成时限", "落实情况", "备注"],
                [.. f.Rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Decision.Text, Units(r.Decision),
                    Deadline(r.Decision), Progress(r), Remark(r)])])));
        p.Add(new(DocumentPart.Signature, $"{f.BodyName}办公室"));
        p.Add(new(DocumentPart.Date, ChineseText.Date(f.AsOf)));
        return new OfficialDocument(Title(f), p);
    }

    public static string Units(DecisionView d)
    {
        var leads = string.Join("、", d.Leads.Select(u => u.Name));
        return d.Cooperating.Count == 0 ? leads : $"{leads}（牵头）；{string.Join("、", d.Cooperating.Select(u => u.Name))}（配合）";
    }

    public static string Deadline(DecisionView d) => d.Due is { } due ? ChineseText.Date(due) : d.DeadlineRaw ?? "—";

    public static string Progress(DecisionStatusRow r)
    {
        if (r.LatestReport is not { Length: > 0 } text) return r.Decision.StatusLabel;
        var excerpt = Excerpt(text);
        var source = r.ReportedOn is { } on ? $"（{r.ReportedBy}，{ChineseText.Date(on)}报送）" : "";
        return $"{r.Decision.StatusLabel}。{excerpt}{source}";
    }

    public static string Remark(DecisionStatusRow r)
    {
        var notes = new List<string>();
        if (r.Decision.Status == TrackingStatus.Overdue) notes.Add("逾期");
        else if (r.Decision.Status == TrackingStatus.DueSoon) notes.Add("即将到期");
        if (r.CarriedFrom is { } number) notes.Add($"第{number}次会议议定");
        return string.Join("；", notes);
    }

    /// <summary>The report text on one line, cut at <see cref="ReportExcerptLength"/> characters.</summary>
    public static string Excerpt(string text)
    {
        var line = string.Join(" ", text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= ReportExcerptLength ? line : line[..(ReportExcerptLength - 1)] + "…";
    }

    private sealed record LatestReport(string Done, string Organization, DateOnly On);

    /// <summary>For each task, the newest submitted report revision among the reports the user may read.</summary>
    private async Task<Dictionary<long, LatestReport>> LatestReportsAsync(DubanUser user, IReadOnlyCollection<long> taskIds, CancellationToken ct)
    {
        if (taskIds.Count == 0) return [];
        var rows = await db.ReportRevisions.AsNoTracking().Where(v => v.SubmittedAt != null && v.Done != "")
            .Join(tracking.VisibleReports(user).Where(r => taskIds.Contains(r.Assignment!.TaskId)), v => v.ReportId, r => r.Id,
                (v, r) => new { r.Assignment!.TaskId, Organization = r.Assignment.Organization!.Name, v.Done, v.SubmittedAt, v.Id })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.TaskId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                .Select(r => new LatestReport(r.Done, r.Organization, DateOnly.FromDateTime(ChineseText.ToChinaTime(r.SubmittedAt!.Value).DateTime))).First());
    }
}

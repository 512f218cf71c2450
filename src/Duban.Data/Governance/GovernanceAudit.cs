namespace Duban.Data.Governance;

/// <summary>The audit actions of governing bodies and their meetings (docs/governance.md), each saved with its write, before and after.</summary>
public static class GovernanceAuditActions
{
    public const string BodyCorrect = "body.correct";
    public const string MeetingCreate = "meeting.create";
    public const string MeetingMinutes = "meeting.minutes";
    public const string MeetingEdit = "meeting.edit";
    public const string Decision = "meeting.decision";

    public const string BodyEntity = "governing-body";
    public const string MeetingEntity = "meeting";

    public static string? Describe(string action) => action switch
    {
        BodyCorrect => "修改议事机构（成员、办公室、召开频次）",
        MeetingCreate => "登记会议",
        MeetingMinutes => "上传会议纪要",
        MeetingEdit => "修改会议（日期、名称、参会单位、议题、会议纪要）",
        Decision => "登记会议议定事项",
        _ => null,
    };

    public static string? DescribeEntity(string entityType) => entityType switch
    {
        BodyEntity => "议事机构",
        MeetingEntity => "会议",
        _ => null,
    };
}

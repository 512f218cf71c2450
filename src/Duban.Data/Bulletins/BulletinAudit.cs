namespace Duban.Data.Bulletins;

/// <summary>The audit actions of 通报: each save and the 印发, with the draft before and after.</summary>
public static class BulletinAuditActions
{
    public const string Save = "assessment-bulletin.save";
    public const string Issue = "assessment-bulletin.issue";

    public const string Entity = "assessment-bulletin";

    public static string? Describe(string action) => action switch
    {
        Save => "修改考核结果通报",
        Issue => "印发考核结果通报",
        _ => null,
    };

    public static string? DescribeEntity(string entityType) => entityType == Entity ? "考核结果通报" : null;
}

using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Core.Security;

namespace Duban.Web.Display;

/// <summary>How the interface names things and writes dates: 2021年7月31日, China Standard Time, whatever the server's zone.</summary>
public static class ChineseText
{
    public const string StaleRecord = "该记录已被他人修改，请刷新后重新提交。";

    /// <summary>Users are in mainland China; a server elsewhere (or in UTC, as containers are) must not shift their dates.</summary>
    public static TimeZoneInfo ChinaTime { get; } = FindChinaTime();

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(ToChinaTime(instant).DateTime));

    public static string DateTime(DateTimeOffset instant)
    {
        var local = ToChinaTime(instant);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm}";
    }

    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ChinaTime);

    /// <summary>The instant a calendar day starts in China, for date-range filters.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ChinaTime.GetUtcOffset(local));
    }

    public static string Name(Role role) => role switch
    {
        Role.Admin => "管理员",
        Role.Reporter => "填报员",
        Role.Inspector => "督查员",
        _ => role.ToString(),
    };

    public static string Name(DataScope scope) => scope switch
    {
        DataScope.Own => "本单位",
        DataScope.RegionAndBelow => "本区域及下级",
        DataScope.All => "全部",
        _ => scope.ToString(),
    };

    public static string Name(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省",
        RegionLevel.City => "市",
        RegionLevel.County => "县（区）",
        _ => level.ToString(),
    };

    public static string Name(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Department => "部门",
        OrganizationKind.Government => "人民政府",
        OrganizationKind.School => "学校",
        OrganizationKind.Enterprise => "企业",
        _ => "其他",
    };

    private static TimeZoneInfo FindChinaTime()
    {
        // tzdata may be missing in slim containers; China has kept UTC+8 without daylight saving since 1991.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
    }
}

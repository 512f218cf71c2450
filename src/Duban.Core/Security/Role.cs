namespace Duban.Core.Security;

/// <summary>What a user may do. Anonymous visitors have no role and see published plans only.</summary>
public enum Role
{
    /// <summary>管理员: the leading-group office.</summary>
    Admin = 1,
    /// <summary>填报员: reports for one organisation.</summary>
    Reporter = 2,
    /// <summary>督查员: reads, never writes.</summary>
    Inspector = 3,
}

/// <summary>数据权限: which data a user sees.</summary>
public enum DataScope
{
    /// <summary>Tasks assigned to the user's own organisation.</summary>
    Own = 1,
    /// <summary>Everything in the user's region and the regions below it.</summary>
    RegionAndBelow = 2,
    /// <summary>Everything.</summary>
    All = 3,
}

namespace Duban.Parsing.Model;

/// <summary>An organisation named as responsible for a task.</summary>
public sealed record ResponsibleUnit
{
    /// <summary>The name as read, with a dropped prefix restored (市发展改革委、财政局 → 市财政局).</summary>
    public required string Name { get; init; }

    /// <summary>The one name the alias table gives this unit (市人社局 → 市人力资源和社会保障局); <see cref="Name"/> when unknown.</summary>
    public required string Canonical { get; init; }

    public required UnitRole Role { get; init; }

    /// <summary>The first lead unit of a task: the one primarily accountable.</summary>
    public bool Primary { get; init; }

    /// <summary>True for a unit that stands for many (各县（区）人民政府, 各职业院校, 联席会议成员单位).</summary>
    public bool Collective { get; init; }

    public CollectiveKind? CollectiveKind { get; init; }

    public required SourceSpan Span { get; init; }
}

public enum UnitRole
{
    /// <summary>牵头单位 / 责任单位 / 负责单位 / 责任部门.</summary>
    Lead,
    /// <summary>配合单位 / 协办单位, or 责任单位 when a separate 牵头单位 is named.</summary>
    Cooperating,
}

/// <summary>What a collective unit stands for.</summary>
public enum CollectiveKind
{
    /// <summary>各县（区）人民政府, 各县市区, 各县（市、区）政府: every subordinate government.</summary>
    SubordinateGovernments,
    /// <summary>各职业院校, 各中职学校, 各学校.</summary>
    Schools,
    /// <summary>联席会议成员单位, 领导小组成员单位.</summary>
    BodyMembers,
    /// <summary>市直有关部门, 相关部门, 各有关单位.</summary>
    Departments,
    /// <summary>Anything else introduced by 各 / 有关 / 相关.</summary>
    Other,
}

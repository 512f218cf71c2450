namespace Duban.Parsing.Units;

/// <summary>Whether a stored organisation's name stands for many bodies or none in particular (各职业院校, 各县市区, 相关部门).</summary>
public static class CollectiveNames
{
    /// <summary>True for a collective or placeholder name, read as the parser reads unit fields.</summary>
    public static bool IsCollective(string name) => KindOf(name) is not null;

    /// <summary>What a collective or placeholder name stands for, read as the parser reads unit fields; null for one body.</summary>
    public static Model.CollectiveKind? KindOf(string name) =>
        string.IsNullOrWhiteSpace(name) ? null : CollectiveClassifier.Classify(ChineseFolding.Fold(name.Trim()));
}

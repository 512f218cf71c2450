namespace Duban.Data.Import;

/// <summary>
/// Why an import was refused: a stable <see cref="Code"/> to branch on, the <see cref="Field"/> of the request it
/// concerns (file, region, units, tasks), and a message for people (Chinese). Nothing was stored.
/// </summary>
public class PlanImportException(string code, string field, string message) : Exception(message)
{
    public string Code { get; } = code;

    public string Field { get; } = field;
}

/// <summary>Units named in the plan that no decision covers; <see cref="UnitNames"/> in document order.</summary>
public sealed class UnmappedUnitsException(IReadOnlyList<string> unitNames)
    : PlanImportException(ImportErrorCodes.UnmappedUnits, ImportFields.Units,
        $"以下 {unitNames.Count} 个单位尚未确定对应的组织（新建、对应已有单位或展开）：{string.Join("、", unitNames)}")
{
    public IReadOnlyList<string> UnitNames { get; } = unitNames;
}

/// <summary>
/// The region the document or the caller names is one of several places of that name that nothing tells apart (two
/// 朝阳区): the importer picks one of <see cref="Candidates"/>, best first, and analyses again with it.
/// </summary>
public sealed class AmbiguousRegionException(string name, IReadOnlyList<RegionCandidate> candidates, string message)
    : PlanImportException(ImportErrorCodes.AmbiguousRegion, ImportFields.Region, message)
{
    public string Name { get; } = name;

    public IReadOnlyList<RegionCandidate> Candidates { get; } = candidates;
}

/// <summary>
/// A region the importer may choose: one of the database (<see cref="Id"/>), or a division of the national catalogue
/// the database does not hold yet (<see cref="Id"/> null, chosen by <see cref="Code"/>).
/// </summary>
/// <param name="Lineage">The names from the top down, the region itself last: 山东省, 济南市, 市中区.</param>
public sealed record RegionCandidate(long? Id, string Name, string? Code, IReadOnlyList<string> Lineage)
{
    /// <summary>济南市市中区（370103）: the lineage below the province and the code, enough to tell one from another.</summary>
    public string Label => string.Concat(Lineage) + (Code is null ? "" : $"（{Code}）");
}

/// <summary>The codes of <see cref="PlanImportException"/>. A file the parser cannot read keeps the parser's code (docx.corrupt, input.empty, …).</summary>
public static class ImportErrorCodes
{
    public const string FileType = "import.fileType";
    public const string FileTooLarge = "import.fileTooLarge";
    public const string NoTaskList = "import.noTaskList";
    public const string UnmappedUnits = "import.unmappedUnits";
    public const string InvalidDecision = "import.invalidDecision";
    public const string UnknownOrganization = "import.unknownOrganization";
    public const string UnknownRegion = "import.unknownRegion";
    public const string AmbiguousRegion = "import.ambiguousRegion";

    /// <summary>
    /// The region asked for, or the one the document names, lies outside what the importer answers for, or it would
    /// have to be created where the importer may not create regions (<see cref="ImportAuthority"/>).
    /// </summary>
    public const string RegionOutOfScope = "import.regionOutOfScope";

    /// <summary>
    /// The same file is already stored under a plan the importer may not revise. It cannot be stored twice, and which
    /// plan holds it is not said: the importer may not be allowed to read it.
    /// </summary>
    public const string StoredElsewhere = "import.storedElsewhere";

    /// <summary>
    /// The revision drops an organisation from a task, or a target, that already has progress reports or indicator
    /// values: they would lose what they hang on. Nothing is stored.
    /// </summary>
    public const string RemovesReportedWork = "import.removesReportedWork";

    /// <summary>The database changed between analysis and confirmation (another import of the same plan): analyse again.</summary>
    public const string Stale = "import.stale";
}

/// <summary>The request fields errors point at, so that a form can show the message beside the right input.</summary>
public static class ImportFields
{
    public const string File = "file";
    /// <summary>The region: the API's and the wizard's form field regionId (the command line's --region).</summary>
    public const string Region = "regionId";
    public const string Units = "units";
    public const string Tasks = "tasks";
    public const string TaskEdits = "taskEdits";
}

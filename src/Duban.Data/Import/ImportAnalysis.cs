using Duban.Core.Import;
using Duban.Parsing.Model;

namespace Duban.Data.Import;

/// <summary>An uploaded file: its bytes and the name it came with (the extension decides whether it is accepted).</summary>
public sealed record ImportFile(byte[] Content, string FileName);

/// <summary>
/// What an import would do, for the review screen: the parsed document (its text and the spans of every task), whether
/// the file is already stored, whether it revises a stored plan (and how), and a proposal for every unit that needs
/// one. Analysing writes nothing.
/// </summary>
/// <param name="Format">text or docx, as the parser read it.</param>
/// <param name="Duplicate">The stored version this file repeats: confirming changes nothing.</param>
/// <param name="RevisionOf">The stored plan this file is a new version of, with the diff to confirm.</param>
/// <param name="UnitProposals">One per distinct unit name (document order) among the tasks whose assignments will be
/// built: every task of a new plan; in a revision, added tasks and tasks whose units changed (the others keep theirs).</param>
/// <param name="Authority">What the importer answers for: the confirmation matches plans and creates regions within it too.</param>
public sealed record ImportAnalysis(
    ImportFile File,
    string Sha256,
    string Format,
    PlanDocument Document,
    AnalyzedRegion Region,
    DuplicateOf? Duplicate,
    RevisionOf? RevisionOf,
    IReadOnlyList<UnitProposal> UnitProposals,
    ImportAuthority Authority)
{
    /// <summary>The review's corrections applied to <see cref="Document"/> (which is the edited document); stored with the import's audit entry.</summary>
    public IReadOnlyList<Core.Import.Review.ReviewEdit> Edits { get; init; } = [];

    public long Size => File.Content.LongLength;

    public IReadOnlyList<ParseWarning> Warnings => Document.Warnings;

    public int TaskCount => Document.TaskLists.Sum(l => l.Tasks.Count);

    /// <summary>The title the plan is stored under: the document's, else its notice title, else the file name.</summary>
    public string Title => Document.Title ?? Document.NoticeTitle ?? System.IO.Path.GetFileNameWithoutExtension(File.FileName);

    /// <summary>The proposals taken as they stand (see <see cref="UnitProposal.DefaultDecision"/>); ambiguous units, and unmatched ones unless <paramref name="createUnmatched"/>, stay undecided.</summary>
    public ImportDecisions DefaultDecisions(bool createUnmatched) => new(
        UnitProposals
            .Select(p => (p.Unit.Name, Decision: p.DefaultDecision(createUnmatched)))
            .Where(x => x.Decision is not null)
            .ToDictionary(x => x.Name, x => x.Decision!, StringComparer.Ordinal));
}

public enum DuplicateReason
{
    /// <summary>The same bytes (SHA-256).</summary>
    SameFile,
    /// <summary>Other bytes with the same text as the plan's current version (a .docx saved again, another encoding).</summary>
    SameText,
}

public sealed record DuplicateOf(long PlanId, long VersionId, int VersionNumber, string PlanTitle, DuplicateReason Reason);

public enum RevisionMatch
{
    DocNumber,
    Title,
}

/// <summary>The stored plan a file revises: it becomes version <see cref="NextNumber"/>.</summary>
/// <param name="CurrentVersionId">The version the diff was taken against; confirmation refuses if it is no longer current.</param>
public sealed record RevisionOf(long PlanId, string PlanTitle, long CurrentVersionId, int CurrentNumber, RevisionMatch MatchedBy, PlanDiff Diff)
{
    public int NextNumber => CurrentNumber + 1;
}

/// <summary>The user's answers: a decision per unit name (the name as written, <see cref="UnitProposal.Unit"/>).</summary>
/// <param name="AllowWithoutTasks">Import a document in which no task list was found (a plan whose tasks will be
/// entered by hand). Off by default: a plan without tasks is usually a document the parser could not read, and
/// tracking it would track nothing.</param>
/// <param name="TaskEdits">The review's corrections to tasks: the analysis confirmed must have been made with them
/// (<see cref="PlanImportService.AnalyzeAsync(ImportFile, PlanRegion, ImportAuthority, IReadOnlyList{Core.Import.Review.ReviewEdit}?, CancellationToken)"/>).</param>
public sealed record ImportDecisions(IReadOnlyDictionary<string, UnitDecision> Units, bool AllowWithoutTasks = false,
    IReadOnlyList<Core.Import.Review.ReviewEdit>? TaskEdits = null)
{
    public static ImportDecisions None { get; } = new(new Dictionary<string, UnitDecision>());
}

public enum ImportOutcome
{
    /// <summary>A new plan, version 1.</summary>
    Imported,
    /// <summary>The file (or its text) was already stored: nothing was written.</summary>
    Unchanged,
    /// <summary>A new version of a stored plan.</summary>
    NewVersion,
}

public sealed record ImportResult(
    ImportOutcome Outcome,
    long PlanId,
    long VersionId,
    int VersionNumber,
    PlanDiff? Diff = null,
    int TasksCreated = 0,
    int AssignmentsCreated = 0,
    int OrganizationsCreated = 0,
    int AliasesLearnt = 0);

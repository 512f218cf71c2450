using Duban.Parsing.Model;

namespace Duban.Core.Import.Review;

/// <summary>
/// A correction the office makes to one task in the import review, before anything is stored: what the parser read
/// wrong or could not know. Null fields are left as read. The edited task is what gets stored (and audited as edited).
/// </summary>
/// <param name="TaskKey">The task's key (list name # number, as <see cref="TaskKeys"/> gives it).</param>
/// <param name="Deadline">The deadline as it should read (2022年12月底前, 长期坚持); empty for none.</param>
/// <param name="Text">The task's text as it should read.</param>
/// <param name="AddUnits">Units the document names elsewhere or not at all, added to the task.</param>
/// <param name="RemoveUnits">Units (as written) the task does not concern after all.</param>
public sealed record ReviewEdit(
    string TaskKey,
    string? Deadline = null,
    string? Text = null,
    IReadOnlyList<ReviewUnit>? AddUnits = null,
    IReadOnlyList<string>? RemoveUnits = null)
{
    public bool IsEmpty => Deadline is null && Text is null && (AddUnits?.Count ?? 0) == 0 && (RemoveUnits?.Count ?? 0) == 0;
}

/// <summary>A unit added in the review, by name and role; it is matched to an organisation like any unit the document names.</summary>
public sealed record ReviewUnit(string Name, UnitRole Role);

/// <summary>An edit that cannot be applied, naming the task and what is wrong with it.</summary>
public sealed class ReviewEditException(string message) : Exception(message);

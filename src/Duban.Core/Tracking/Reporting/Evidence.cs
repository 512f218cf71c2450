namespace Duban.Core.Tracking.Reporting;

/// <summary>
/// An uploaded evidence file (佐证材料). The bytes are stored once per content under the data directory, named by
/// their SHA-256; this row keeps the uploaded name for display and what the file belongs to, which decides who may read it.
/// </summary>
public sealed class Evidence
{
    public const int MaxFileNameLength = 255;

    public long Id { get; set; }

    public long PlanId { get; set; }

    /// <summary>The task it was uploaded for; null for evidence of a plan-level target.</summary>
    public long? TaskId { get; set; }

    /// <summary>The uploader's organisation.</summary>
    public long OrganizationId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: the stored file's name.</summary>
    public required string Sha256 { get; set; }

    public required string FileName { get; set; }

    public EvidenceType Type { get; set; }

    public long Size { get; set; }

    public long UploadedById { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

public enum EvidenceType
{
    Pdf = 1,
    Docx = 2,
    Xlsx = 3,
    Jpeg = 4,
    Png = 5,
}

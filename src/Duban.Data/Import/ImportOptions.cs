namespace Duban.Data.Import;

/// <summary>What an upload must be to be imported.</summary>
public sealed record ImportOptions
{
    /// <summary>The largest file accepted. Plans are a few hundred kilobytes; 20 MB leaves room for .docx files with pictures.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>The file name extensions accepted, compared ignoring case.</summary>
    public IReadOnlyList<string> AllowedExtensions { get; init; } = [".txt", ".docx", ".pdf"];

    /// <summary>The region a plan goes to when neither the caller nor the document names one.</summary>
    public string UnknownRegionName { get; init; } = "未指定地区";

    public static ImportOptions Default { get; } = new();
}

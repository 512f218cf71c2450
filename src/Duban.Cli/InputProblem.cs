namespace Duban.Cli;

/// <summary>Why an input (or the output directory) could not be handled: a stable code and a message for people.</summary>
internal sealed record InputProblem
{
    public InputProblem(string code, string message)
    {
        Code = code;
        // Each problem is reported on exactly one line, so line breaks in library or OS messages must go.
        Message = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .TrimEnd('。', '.');
    }

    /// <summary>e.g. file.notFound, input.empty, docx.corrupt, internal.error.</summary>
    public string Code { get; }

    public string Message { get; }

    /// <summary>The one line written to stderr: <c>duban: data/x.docx: 不是有效的 .docx 文件（docx.corrupt）</c>.</summary>
    public string ToLine(string subject) => $"duban: {subject}: {Message}（{Code}）";

    /// <summary>The line for a problem that belongs to no file.</summary>
    public string ToLine() => $"duban: {Message}（{Code}）";

    public static InputProblem NotFound() => new("file.notFound", "文件不存在");

    public static InputProblem IsDirectory() => new("file.isDirectory", "是目录，不是文件");

    public static InputProblem TooLarge(long length, long limit) => new("file.tooLarge", $"文件过大（{length} 字节，上限 {limit} 字节）");

    public static InputProblem Unreadable(Exception e) => new("file.unreadable", $"无法读取：{e.Message}");

    public static InputProblem OutDirectoryUnusable(Exception e) => new("out.unwritable", $"无法创建输出目录：{e.Message}");

    public static InputProblem Unwritable(string target, Exception e) => new("out.unwritable", $"无法写入 {target}：{e.Message}");

    public static InputProblem Internal(Exception e) => new("internal.error", $"处理时出现意外错误：{e.GetType().Name}: {e.Message}");
}

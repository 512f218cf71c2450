using System.Security.Cryptography;
using Duban.Parsing.Bodies;
using Duban.Parsing.Input;
using Duban.Parsing.Metadata;
using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Targets;
using Duban.Parsing.Tasks;
using Duban.Parsing.Text;

namespace Duban.Parsing;

/// <summary>
/// Reads a plan document into a <see cref="PlanDocument"/>. One pipeline: bytes → text (<see cref="InputReader"/>) →
/// blocks (paragraphs with wrapped lines joined, table rows) → outline (headings, annexes) → metadata → task lists
/// (numbered paragraphs, tables) → goal targets → governing bodies → heading tree. Stateless and thread-safe.
/// </summary>
public sealed class PlanParser(PlanParserOptions? options = null)
{
    public PlanParserOptions Options { get; } = options ?? PlanParserOptions.Default;

    /// <summary>Parses the bytes of a .txt, .docx or PDF file.</summary>
    /// <exception cref="PlanInputException">The input cannot be read as a document (empty, binary, broken .docx, too large).</exception>
    public PlanDocument Parse(ReadOnlySpan<byte> content, string? fileName = null)
    {
        var source = InvisibleCharacters.Remove(InputReader.Read(content, fileName, Options.Limits));
        var info = new SourceInfo(source.Format, source.Encoding, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), fileName)
        {
            PageStarts = source.PageStarts,
            Regions = source.Regions,
        };
        return Parse(source.Text, info, source.Warnings);
    }

    /// <summary>Parses text that is already decoded.</summary>
    public PlanDocument ParseText(string text, string? fileName = null)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var info = new SourceInfo("text", null, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), fileName);
        return Parse(InvisibleCharacters.Remove(text), info, []);
    }

    private PlanDocument Parse(string text, SourceInfo info, IReadOnlyList<ParseWarning> inputWarnings)
    {
        var context = new ParseContext(Options);
        context.Warnings.AddRange(inputWarnings);
        // Radical code points for ordinary characters (⼯作⽅案, as PDF writers emit them) become the characters themselves.
        text = IdeographForms.Unify(text);

        var blocks = BlockBuilder.Build(text);
        var outline = Outline.Build(blocks);
        var metadata = MetadataReader.Read(blocks, outline);
        context.IssueYear = PlanYear.Of(metadata);
        context.TitleYear = PlanYear.TitleYear(metadata.Title) ?? PlanYear.TitleYear(metadata.NoticeTitle);
        context.FirstListedLeads = LeadConvention.IsStated(text);
        context.SemicolonLeads = LeadConvention.SemicolonRule(text);

        var items = NumberedItem.Collect(blocks, outline);
        var (paragraphLists, paragraphOthers) = ParagraphTaskLists.Read(context, blocks, outline, items);
        var (tableLists, tableOthers) = TableTaskLists.Read(context, blocks, outline);
        // In the order their first tasks are written: a list of heading-level tasks (（二）（三）…) starts at its group
        // heading （一）, before the numbered tasks 1. 2. under that heading, which still come first in the document.
        var taskLists = paragraphLists.Concat(tableLists).OrderBy(l => l.Tasks.Count > 0 ? l.Tasks[0].Span.Start : l.Span.Start).ToList();
        var otherLists = paragraphOthers.Concat(tableOthers).OrderBy(l => l.Span.Start).ToList();

        if (blocks.Count == 0) context.Warn(WarningCodes.EmptyDocument, "文档没有可读的文字内容。");
        else if (taskLists.Count == 0) context.Warn(WarningCodes.NoTaskList, "未找到任务清单（带责任单位的编号条目或任务表格）。");
        if (metadata.Title is null && blocks.Count > 0) context.Warn(WarningCodes.NoTitle, "未能识别文件标题。");

        return new PlanDocument
        {
            Source = info,
            Title = metadata.Title,
            TitleSpan = metadata.TitleSpan,
            NoticeTitle = metadata.NoticeTitle,
            NoticeTitleSpan = metadata.NoticeTitleSpan,
            Issuer = metadata.Issuer,
            IssuerSpan = metadata.IssuerSpan,
            DocNumber = metadata.DocNumber?.Standard,
            DocNumberParts = metadata.DocNumber?.Parts,
            DocNumberSpan = metadata.DocNumberSpan,
            IssueDate = metadata.IssueDate,
            IssueDateSpan = metadata.IssueDateSpan,
            Recipients = metadata.Recipients,
            Basis = metadata.Basis,
            Sections = SectionTree.Build(outline),
            TaskLists = taskLists,
            Targets = GoalTargets.Read(blocks, outline),
            Bodies = GoverningBodyReader.Read(blocks, outline, taskLists, context.Units),
            OtherLists = otherLists,
            Warnings = context.Warnings,
            Text = text,
        };
    }
}

using Duban.Web.Spreadsheets;

namespace Duban.Web.Tests.Spreadsheets;

public sealed class TemplateKeyTests
{
    [Fact]
    public void A_key_reads_back_as_written_with_and_without_a_version()
    {
        var version = Guid.NewGuid();
        TemplateKey[] keys =
        [
            new(TemplateRowKind.Report, 42, new DateOnly(2026, 10, 1), version),
            new(TemplateRowKind.Indicator, 7, new DateOnly(2026, 7, 1), null),
        ];
        foreach (var key in keys) TemplateKey.Parse(key.Format()).ShouldBe(key);
        keys[1].Format().ShouldBe("T|7|2026-07-01|-");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("R|42|2026-10-01")]
    [InlineData("X|42|2026-10-01|-")]
    [InlineData("R|-42|2026-10-01|-")]
    [InlineData("R|42|2026-13-01|-")]
    [InlineData("R|42|2026-10-01|not-a-version")]
    [InlineData("R|42|2026-10-01|-|extra")]
    public void Anything_else_is_not_a_key(string? text) => TemplateKey.Parse(text).ShouldBeNull();

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("K12", 10)]
    [InlineData("Z3", 25)]
    [InlineData("AA3", 26)]
    [InlineData("AB10", 27)]
    public void Cell_references_give_zero_based_columns(string reference, int column) => TemplateReader.ColumnOf(reference).ShouldBe(column);
}

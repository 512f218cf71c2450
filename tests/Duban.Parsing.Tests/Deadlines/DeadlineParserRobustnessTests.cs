using System.Text;
using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Deadlines;

/// <summary>Whatever the text, Parse returns a consistent deadline, quickly, and never throws.</summary>
public class DeadlineParserRobustnessTests
{
    // Characters the reader looks at, so random strings reach deep into the grammar rather than fail at once.
    private const string DateAlphabet =
        "0123456789０１２〇○O一二三四五六七八九十年月日号份底前末内旬起至到自从每个季度第上下半春秋季学期开始长期持续常态化-~—．./ 、，。以之后今明本";

    private static readonly int?[] IssueYears = [null, 2020, 1900, 2199, 0, -1, int.MaxValue];

    [Fact]
    public void Random_text_never_throws_and_keeps_the_invariants()
    {
        var random = new Random(20240601); // fixed, so a failure can be replayed
        for (var n = 0; n < 20_000; n++)
        {
            var raw = RandomText(random, random.Next(0, 40));
            var issueYear = IssueYears[random.Next(IssueYears.Length)];
            Deadline deadline;
            try
            {
                deadline = DeadlineParser.Parse(raw, new SourceSpan(0, raw.Length), issueYear);
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"Parse threw on {Escape(raw)} (issue year {issueYear}): {e}");
            }
            ShouldBeConsistent(deadline, raw);
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2021-")]
    [InlineData("年")]
    [InlineData("一")]
    [InlineData("十")]
    [InlineData("前")]
    [InlineData("每")]
    [InlineData("2021年")]
    [InlineData("2021年3-")]
    [InlineData("——")]
    [InlineData("2021年6月底前完成并长期坚持，")]
    public void Long_repetitive_text_gives_a_consistent_deadline(string unit)
    {
        // The time it takes is measured in bench/HostileInputBenchmarks, not asserted here.
        var raw = new StringBuilder().Insert(0, unit, 200_000 / unit.Length).ToString();
        var deadline = DeadlineParser.Parse(raw, new SourceSpan(0, raw.Length), 2020);
        ShouldBeConsistent(deadline, raw);
    }

    [Fact]
    public void Long_text_with_a_deadline_at_the_end_still_finds_it()
    {
        var raw = new string('字', 100_000) + "2023年6月底前完成";
        DeadlineParser.Parse(raw, default, null).Due.ShouldBe(new DateOnly(2023, 6, 30));
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("2021年\uDC00月")]
    [InlineData("\0\0\0")]
    [InlineData("999999999999999999999年")]
    [InlineData("9999年99月99日")]
    [InlineData("二〇二一年十十月")]
    [InlineData("2199年12月前")]
    [InlineData("1900年1月前")]
    public void Odd_text_does_not_throw(string raw) =>
        ShouldBeConsistent(DeadlineParser.Parse(raw, default, 2020), raw);

    private static void ShouldBeConsistent(Deadline deadline, string raw)
    {
        deadline.Raw.ShouldBe(raw.Trim(), Escape(raw));
        if (deadline.Understood)
        {
            var saysSomething = deadline.Due is not null || deadline.Start is not null || deadline.Ongoing
                || deadline.Recurrence is not null;
            saysSomething.ShouldBeTrue($"understood but says nothing: {Escape(raw)}");
        }
        else
        {
            deadline.Due.ShouldBeNull(Escape(raw));
            deadline.Start.ShouldBeNull(Escape(raw));
            deadline.Ongoing.ShouldBeFalse(Escape(raw));
            deadline.Recurrence.ShouldBeNull(Escape(raw));
        }
        // Every date comes from a plausible written year or issue year, at most one year either side.
        foreach (var date in new[] { deadline.Due, deadline.Start })
            if (date is { } d) d.Year.ShouldBeInRange(Period.MinYear - 1, Period.MaxYear + 1, Escape(raw));
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(10) < 8
                ? DateAlphabet[random.Next(DateAlphabet.Length)]
                : (char)random.Next(char.MaxValue + 1)); // anything, lone surrogates included
        }
        return text.ToString();
    }

    private static string Escape(string raw) =>
        raw.Length > 80 ? $"\"{raw[..80]}…\" ({raw.Length} chars)" : $"\"{raw}\"";
}

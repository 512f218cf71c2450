using System.Text;
using Duban.Parsing.Input;

namespace Duban.Parsing.Tests.Robustness;

/// <summary>Large inputs: a 20 MB plan is read whole; a file over the configured limit is refused with a clear error.</summary>
public sealed class LargeInputTests
{
    [Fact]
    public void A_20_MB_plan_is_read_whole()
    {
        var sb = new StringBuilder("青禾市职业教育重点任务分工方案\n");
        var n = 0;
        var size = 0;
        while (size <= 20_000_000)
        {
            n++;
            var line = $"{n}. 推进职业院校专业建设，建设一批骨干专业和实训基地，提高人才培养质量。（牵头单位：市教育局；配合单位：市财政局、市人社局；完成时限：2023年6月底前）\n";
            sb.Append(line);
            size += Encoding.UTF8.GetByteCount(line);
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        bytes.Length.ShouldBeGreaterThan(20_000_000);

        var doc = new PlanParser().Parse(bytes, "large.txt");
        var tasks = doc.TaskLists.ShouldHaveSingleItem().Tasks;
        tasks.Count.ShouldBe(n);
        tasks[^1].Units.Select(u => u.Canonical).ShouldBe(["市教育局", "市财政局", "市人力资源和社会保障局"]);
        tasks[^1].Deadline!.Due.ShouldBe(new DateOnly(2023, 6, 30));
    }

    [Fact]
    public void Input_over_the_limit_is_refused_with_its_code()
    {
        var parser = new PlanParser(new PlanParserOptions { Limits = new InputLimits { MaxInputBytes = 1000 } });
        var error = Should.Throw<PlanInputException>(() => parser.Parse(new byte[2000].Select(_ => (byte)'a').ToArray(), "big.txt"));
        error.Code.ShouldBe(InputErrorCodes.TooLarge);
    }
}

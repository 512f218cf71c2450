namespace Duban.Cli.Tests;

public sealed class OutputNamesTests
{
    [Fact]
    public void Each_input_is_named_after_its_file_name_without_extension()
    {
        OutputNames.Assign("out", ["a/one.txt", "b/two.docx", "three"])
            .ShouldBe([Path.Combine("out", "one.json"), Path.Combine("out", "two.json"), Path.Combine("out", "three.json")]);
    }

    [Fact]
    public void Clashing_names_get_a_counter_ignoring_case()
    {
        OutputNames.Assign("out", ["a/plan.txt", "b/plan.docx", "c/PLAN.txt"]).Select(Path.GetFileName)
            .ShouldBe(["plan.json", "plan-2.json", "PLAN-3.json"]);
    }

    [Fact]
    public void A_counter_never_reuses_a_name_an_input_already_has()
    {
        OutputNames.Assign("out", ["a/plan.txt", "b/plan.txt", "plan-2.txt"]).Select(Path.GetFileName)
            .ShouldBe(["plan.json", "plan-2.json", "plan-2-2.json"]);
    }
}

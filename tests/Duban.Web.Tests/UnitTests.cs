using Duban.Web.Account;
using Duban.Web.Api;
using Duban.Web.Display;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Duban.Web.Users;

namespace Duban.Web.Tests;

public sealed class ChineseTextTests
{
    [Fact]
    public void Dates_are_written_the_chinese_way() => ChineseText.Date(new DateOnly(2021, 7, 31)).ShouldBe("2021年7月31日");

    [Fact]
    public void Instants_are_shown_in_china_time_whatever_the_server_zone()
    {
        var instant = new DateTimeOffset(2021, 7, 31, 16, 30, 0, TimeSpan.Zero);

        ChineseText.DateTime(instant).ShouldBe("2021年8月1日 00:30");
        ChineseText.Date(instant).ShouldBe("2021年8月1日");
        ChineseText.StartOfDay(new DateOnly(2021, 8, 1)).ShouldBe(new DateTimeOffset(2021, 7, 31, 16, 0, 0, TimeSpan.Zero));
    }
}

public sealed class ETagTests
{
    [Fact]
    public void A_version_round_trips_through_its_etag()
    {
        var version = Guid.NewGuid();
        ETags.ExpectedVersion(ETags.Of(version)).Value.ShouldBe(version);
    }

    [Fact]
    public void A_missing_if_match_is_precondition_required_and_star_skips_the_check()
    {
        ETags.ExpectedVersion(null).Error!.Kind.ShouldBe(ErrorKind.PreconditionRequired);
        ETags.ExpectedVersion("*").Succeeded.ShouldBeTrue();
        ETags.ExpectedVersion("*").Value.ShouldBeNull();
    }

    [Theory]
    [InlineData("W/\"0123456789abcdef0123456789abcdef\"")]
    [InlineData("\"not-a-version\"")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public void Weak_or_foreign_etags_do_not_match(string ifMatch) => ETags.ExpectedVersion(ifMatch).Error!.Kind.ShouldBe(ErrorKind.PreconditionFailed);
}

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, null, 1, 20)]
    [InlineData(3, 50, 3, 50)]
    public void Absent_values_take_the_defaults(int? page, int? size, int expectedPage, int expectedSize)
    {
        var request = PageRequest.From(page, size).Value!;
        request.Page.ShouldBe(expectedPage);
        request.PageSize.ShouldBe(expectedSize);
    }

    [Fact]
    public void Pages_count_up_from_one() => new Paged<int>([], 1, 20, 41).TotalPages.ShouldBe(3);
}

public sealed class SmallRulesTests
{
    [Theory]
    [InlineData("/users?page=2", "/users?page=2")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/tasks/1/report?period=2026-03-01", "/tasks/1/report?period=2026-03-01")]
    // Browsers drop tabs and line feeds, so these are //evil.example to them.
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/\r\n/evil.example", "/")]
    [InlineData("/users\0", "/")]
    [InlineData("/ /evil.example", "/")]
    [InlineData("/users\\..\\", "/")]
    [InlineData("/\u202Eexample", "/")]
    [InlineData("/\u200Busers", "/")]
    [InlineData("users", "/")]
    public void Return_addresses_stay_on_the_site(string? url, string expected) => AccountEndpoints.LocalOrHome(url).ShouldBe(expected);

    [Fact]
    public void Tokens_are_long_random_and_recognisable_by_prefix()
    {
        var a = ApiTokenFormat.NewToken();
        var b = ApiTokenFormat.NewToken();

        a.ShouldStartWith("dbn_");
        a.Length.ShouldBe(47);
        a.ShouldNotBe(b);
        ApiTokenFormat.PrefixOf(a).Length.ShouldBe(12);
        ApiTokenFormat.HashOf(a).Length.ShouldBe(64);
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("aaaaaaaaaaaa", false)]
    [InlineData("a-good-password", true)]
    public void Passwords_need_length_and_variety(string password, bool accepted) => (PasswordRules.Problem(password) is null).ShouldBe(accepted);

    [Fact]
    public void Generated_passwords_pass_the_rules() => PasswordRules.Problem(PasswordRules.Generate()).ShouldBeNull();
}

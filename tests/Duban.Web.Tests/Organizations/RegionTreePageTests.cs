using System.Net;
using Duban.Web.Demo;
using Duban.Web.Tests.Import;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Organizations;

/// <summary>With the national tree (some 3 300 regions) the 组织机构 page opens only the way down to the selected region.</summary>
public sealed class RegionTreePageTests(NationalTreeFixture app) : IClassFixture<NationalTreeFixture>
{
    [Fact]
    public async Task Only_the_way_to_the_selected_region_is_open_and_its_children_are_listed()
    {
        var admin = await app.Factory.SignedInAsync(DemoAccounts.Admin);
        var pingliang = await app.Factory.WithDbAsync(db => db.Regions.Where(r => r.Code == "620800").Select(r => r.Id).SingleAsync());

        var top = await admin.GetAsync("/organizations");
        var topHtml = WebUtility.HtmlDecode(await top.Content.ReadAsStringAsync());
        var opened = WebUtility.HtmlDecode(await admin.GetStringAsync($"/organizations?region={pingliang}"));

        top.StatusCode.ShouldBe(HttpStatusCode.OK);
        topHtml.ShouldContain("甘肃省");
        topHtml.ShouldNotContain("崆峒区");
        topHtml.Length.ShouldBeLessThan(200_000, "the whole country's counties are not on the page");
        opened.ShouldContain("甘肃省");
        opened.ShouldContain("崆峒区");
        opened.ShouldContain("华亭市");
        opened.ShouldNotContain("西峰区", Case.Sensitive, "庆阳市's counties stay closed");
    }
}

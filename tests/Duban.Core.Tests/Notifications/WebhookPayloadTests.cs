using System.Text.Json;
using System.Text.Json.Nodes;
using Duban.Core.Notifications;

namespace Duban.Core.Tests.Notifications;

public sealed class WebhookPayloadTests
{
    private static readonly WebhookEvent Order = new(
        "order:7", NotificationKinds.SupervisionOrder, new DateTimeOffset(2026, 11, 22, 20, 30, 0, TimeSpan.FromHours(8)),
        "督办单：建设实训基地", "任务已逾期，请于12月1日前报送整改措施。", "tasks/7", new JsonObject { ["taskId"] = 7 });

    [Fact]
    public void The_duban_format_carries_every_field_with_an_absolute_link_and_utc_time()
    {
        var json = WebhookPayload.Format(Order, WebhookFormat.Duban, "https://duban.example.gov.cn/");

        json.ShouldContain("督办单：建设实训基地", Case.Sensitive, "Chinese is written as it is, not escaped");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.GetProperty("id").GetString().ShouldBe("order:7");
        root.GetProperty("kind").GetString().ShouldBe("supervision-order");
        root.GetProperty("occurredAt").GetString().ShouldBe("2026-11-22T12:30:00.000Z");
        root.GetProperty("body").GetString().ShouldBe("任务已逾期，请于12月1日前报送整改措施。");
        root.GetProperty("link").GetString().ShouldBe("https://duban.example.gov.cn/tasks/7");
        root.GetProperty("data").GetProperty("taskId").GetInt32().ShouldBe(7);
    }

    [Theory]
    [InlineData(WebhookFormat.WeCom)]
    [InlineData(WebhookFormat.DingTalk)]
    public void The_robot_formats_are_a_text_message_with_kind_title_body_and_link(WebhookFormat format)
    {
        var json = WebhookPayload.Format(Order, format, "https://duban.example.gov.cn");

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["msgtype", "text"]);
        doc.RootElement.GetProperty("msgtype").GetString().ShouldBe("text");
        doc.RootElement.GetProperty("text").GetProperty("content").GetString()
            .ShouldBe("【督办单】督办单：建设实训基地\n任务已逾期，请于12月1日前报送整改措施。\nhttps://duban.example.gov.cn/tasks/7");
    }

    [Fact]
    public void Without_a_public_address_the_link_stays_relative_and_without_a_link_there_is_none()
    {
        WebhookPayload.Text(Order).ShouldEndWith("\ntasks/7");
        WebhookPayload.Text(Order with { Link = null }).ShouldBe("【督办单】督办单：建设实训基地\n任务已逾期，请于12月1日前报送整改措施。");
    }

    [Fact]
    public void Kinds_filter_parses_commas_spaces_and_chinese_commas_and_empty_accepts_all()
    {
        WebhookKinds.Parse("chase, reminder，chase").ShouldBe(["chase", "reminder"]);
        new WebhookEndpoint { Name = "a", Url = "https://a", Secret = "s" }.Accepts("anything").ShouldBeTrue();
        new WebhookEndpoint { Name = "a", Url = "https://a", Secret = "s", EventKinds = "chase" }.Accepts("reminder").ShouldBeFalse();
    }
}

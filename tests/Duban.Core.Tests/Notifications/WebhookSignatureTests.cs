using Duban.Core.Notifications;

namespace Duban.Core.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body()
    {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        WebhookSignature.Sign("secret", "1700000000", """{"a":1}""")
            .ShouldBe("sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
    }

    [Fact]
    public void Verification_fails_for_another_secret_body_or_timestamp()
    {
        var signature = WebhookSignature.Sign("secret", "1700000000", "{}");

        WebhookSignature.Verify("secret", "1700000000", "{}", signature).ShouldBeTrue();
        WebhookSignature.Verify("other", "1700000000", "{}", signature).ShouldBeFalse();
        WebhookSignature.Verify("secret", "1700000001", "{}", signature).ShouldBeFalse();
        WebhookSignature.Verify("secret", "1700000000", "{ }", signature).ShouldBeFalse();
        WebhookSignature.Verify("secret", "1700000000", "{}", null).ShouldBeFalse();
    }

    [Fact]
    public void New_secrets_are_long_random_and_url_safe()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();

        a.ShouldNotBe(b);
        a.Length.ShouldBe(43);
        a.ShouldMatch("^[A-Za-z0-9_-]+$");
    }
}

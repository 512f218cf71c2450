using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests;

/// <summary>The web tier keeps no keys of its own: two instances on one database read each other's cookies.</summary>
public sealed class DataProtectionTests : IAsyncLifetime
{
    private readonly string shared = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string other = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
    private readonly List<DubanWebFactory> factories = [];

    [Fact]
    public async Task Two_instances_on_one_database_accept_each_others_cookies_and_forms()
    {
        var first = Start(shared);
        var second = Start(shared);
        var elsewhere = Start(other);
        // One browser, whose requests the load balancer sends to any instance.
        var jar = new CookieContainer();
        HttpClient Via(DubanWebFactory factory) => factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new CookieContainerHandler(jar));

        (await Browser.SignInAsync(Via(first), DemoAccounts.Admin, DemoAccounts.Password)).Headers.Location!.OriginalString.ShouldBe("/");

        (await Via(second).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The control: an instance with keys of its own cannot read the cookie, so the line above proves the sharing.
        (await Via(elsewhere).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A form rendered by one instance is accepted by the other: antiforgery tokens use the same keys.
        var created = await Browser.SubmitAsync(Via(first), "/me", new Dictionary<string, string> { ["TokenName"] = "跨实例" }, action: null, formName: "new-token",
            poster: Via(second));
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.Name == "跨实例"))).ShouldBe(1);

        (await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThanOrEqualTo(1);
        Directory.EnumerateFiles(shared, "*.xml", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_only_instances_with_it_read_the_cookies()
    {
        var pfx = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N") + ".pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(pfx)!);
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Duban key protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "证书口令"));
        }
        var withCertificate = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "证书口令" };
        try
        {
            var first = Start(shared, withCertificate);
            var second = Start(shared, withCertificate);
            var jar = new CookieContainer();
            HttpClient Via(DubanWebFactory factory) => factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new CookieContainerHandler(jar));

            (await Browser.SignInAsync(Via(first), DemoAccounts.Admin, DemoAccounts.Password)).Headers.Location!.OriginalString.ShouldBe("/");
            (await Via(second).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

            var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml.Contains("encryptedSecret") && xml.Contains("EncryptedXmlDecryptor") && !xml.Contains("<masterKey"));

            // The same database without the certificate cannot decrypt the key ring, so it cannot read the cookie.
            var withoutCertificate = Start(shared);
            (await Via(withoutCertificate).GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_the_start_naming_the_setting()
    {
        var missing = Path.Combine(Path.GetTempPath(), "duban-web-tests", "missing.pfx");
        var factory = new DubanWebFactory(other, new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = missing });
        factories.Add(factory);

        var error = Should.Throw<Exception>(() => factory.Services);

        error.ToString().ShouldContain("DataProtection:CertificatePath");
        error.ToString().ShouldContain(missing);
    }

    private DubanWebFactory Start(string directory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new DubanWebFactory(directory, settings);
        _ = factory.Services;
        factories.Add(factory);
        return factory;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in factories) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in new[] { shared, other })
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp clean-up.
            }
        }
    }
}

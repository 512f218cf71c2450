namespace Duban.Web.Hosting;

/// <summary>How the application is reached ("Web" section).</summary>
public sealed class WebHostOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Served over HTTPS only: cookies are Secure and named with the __Host- prefix, plain HTTP is redirected, and HSTS
    /// is sent. On by default; appsettings.Development.json turns it off so that the demo runs on http://localhost
    /// without a certificate. Behind a proxy that terminates TLS, keep it on and set <see cref="TrustForwardedHeaders"/>.
    /// </summary>
    public bool HttpsOnly { get; set; } = true;

    /// <summary>
    /// Take the client address and scheme from X-Forwarded-For and X-Forwarded-Proto. Only behind a proxy that sets
    /// them: otherwise any client could write its own address into the audit log.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }
}

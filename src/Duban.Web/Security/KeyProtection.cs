using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Duban.Web.Security;

/// <summary>
/// <c>DataProtection:CertificatePath</c> / <c>CertificatePassword</c>: a PKCS#12 (.pfx) file whose key encrypts the
/// data-protection keys before they are written to the database. Without it the keys are stored as they are, and whoever
/// reads the database can forge cookies; a production deployment should set it.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

public static class KeyProtectionSetup
{
    /// <summary>
    /// Encrypts new keys with the configured certificate and decrypts keys encrypted with it. The certificate is read
    /// here, at start-up, because the data-protection builder takes it at registration; a missing or unreadable file
    /// stops the start with the setting's name.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new KeyProtectionOptions();
        if (Load(options) is not { } certificate) return builder;
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    private static X509Certificate2? Load(KeyProtectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath)) return null;
        var path = Path.GetFullPath(options.CertificatePath);
        X509Certificate2 loaded;
        try
        {
            loaded = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException(
                $"{KeyProtectionOptions.Section}:CertificatePath（{path}）无法作为 PKCS#12 证书读取（文件不存在、密码不对或格式不对）：{e.Message}", e);
        }
        if (!loaded.HasPrivateKey)
            throw new InvalidOperationException($"{KeyProtectionOptions.Section}:CertificatePath（{path}）中的证书没有私钥，无法解密数据保护密钥。");
        return loaded;
    }
}

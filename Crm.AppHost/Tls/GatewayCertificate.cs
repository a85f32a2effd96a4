using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crm.AppHost.Tls;

/// <summary>
/// The gateway's TLS certificate: CRM_TLS_CERT and CRM_TLS_KEY (PEM files, say from your CA or Let's Encrypt), or a
/// self-signed one for localhost generated under &lt;data&gt;/tls at the first start, and again when it is within 30
/// days of expiring (docs/operations.md, Certificates).
/// </summary>
public sealed record GatewayCertificate(string CertPath, string KeyPath, string Sha256Fingerprint, DateTimeOffset NotAfter, bool SelfSigned)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    public static GatewayCertificate Resolve(string? certPath, string? keyPath, string dataDir, TimeProvider clock)
    {
        if (certPath is not null || keyPath is not null)
        {
            if (certPath is null || keyPath is null)
            {
                throw new InvalidOperationException("CRM_TLS_CERT and CRM_TLS_KEY go together: set both (PEM files) or neither (a self-signed certificate for localhost).");
            }

            return Describe(Path.GetFullPath(certPath), Path.GetFullPath(keyPath), selfSigned: false);
        }

        var dir = Path.Combine(dataDir, "tls");
        var cert = Path.Combine(dir, "localhost.crt");
        var key = Path.Combine(dir, "localhost.key");
        if (!File.Exists(cert) || !File.Exists(key) || Describe(cert, key, selfSigned: true).NotAfter - clock.GetUtcNow() < RenewBefore)
        {
            Directory.CreateDirectory(dir);
            WriteSelfSigned(cert, key, clock.GetUtcNow());
        }

        return Describe(cert, key, selfSigned: true);
    }

    private static GatewayCertificate Describe(string certPath, string keyPath, bool selfSigned)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            var fingerprint = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
            return new GatewayCertificate(certPath, keyPath, string.Join(':', fingerprint.Chunk(2).Select(c => new string(c))), certificate.NotAfter, selfSigned);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The TLS certificate {certPath} with key {keyPath} cannot be read: {ex.Message}", ex);
        }
    }

    private static void WriteSelfSigned(string certPath, string keyPath, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + Lifetime);
        // The key first and private to this user: the gateway reads it, nobody else needs to.
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(certPath, certificate.ExportCertificatePem());
    }
}

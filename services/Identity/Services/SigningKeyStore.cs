using System.Security.Cryptography;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Identity.Services;

/// <summary>
/// The token server's RSA keys, loaded from the database (or created there on first start) once per process,
/// before the server listens (<see cref="ServerKeysLoader"/>).
/// </summary>
public sealed class SigningKeyStore(IServiceScopeFactory scopes)
{
    private ServerKeys? _keys;

    public ServerKeys Keys => _keys ?? throw new InvalidOperationException("The token server's keys are not loaded yet.");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var stored = await ReadAsync(db, cancellationToken);
        var missing = new[] { SigningKey.Signing, SigningKey.Encryption }.Where(use => stored.All(k => k.Use != use)).ToList();
        if (missing.Count > 0)
        {
            foreach (var use in missing)
            {
                using var rsa = RSA.Create(2048);
                db.SigningKeys.Add(new SigningKey
                {
                    Id = Guid.NewGuid().ToString("N"),
                    RsaPrivateKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()),
                    Use = use,
                    CreatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            // Two replicas starting together may both create one; every stored key is published or tried.
            stored = await ReadAsync(db, cancellationToken);
        }

        _keys = new ServerKeys(
            stored.Where(k => k.Use == SigningKey.Signing).Select(ToSecurityKey).ToList(),
            stored.Where(k => k.Use == SigningKey.Encryption).Select(ToSecurityKey).ToList());
    }

    private static Task<List<SigningKey>> ReadAsync(IdentityDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);

    private static RsaSecurityKey ToSecurityKey(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.RsaPrivateKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = key.Id };
    }
}

/// <summary>Newest first: the first key of each list signs or encrypts, all of them verify or decrypt.</summary>
public sealed record ServerKeys(IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<RsaSecurityKey> Encryption);

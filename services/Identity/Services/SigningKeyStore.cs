using System.Security.Cryptography;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Identity.Services;

/// <summary>Loads (or creates on first start) the RSA signing key from the database, once per process.</summary>
public sealed class SigningKeyStore(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<RsaSecurityKey>? _keys;

    /// <summary>All published keys, newest first; the first one signs.</summary>
    public async Task<IReadOnlyList<RsaSecurityKey>> GetKeysAsync(CancellationToken cancellationToken = default)
    {
        if (_keys is not null)
        {
            return _keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _keys ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public IReadOnlyList<RsaSecurityKey> GetKeys() => GetKeysAsync().GetAwaiter().GetResult();

    private async Task<IReadOnlyList<RsaSecurityKey>> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var stored = await db.SigningKeys.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        if (stored.Count == 0)
        {
            using var rsa = RSA.Create(2048);
            db.SigningKeys.Add(new SigningKey
            {
                Id = Guid.NewGuid().ToString("N"),
                RsaPrivateKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()),
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
            // Two replicas starting together may both create one; both are published, either signs.
            stored = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
        }

        return stored.Select(ToSecurityKey).ToList();
    }

    private static RsaSecurityKey ToSecurityKey(SigningKey key)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.RsaPrivateKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = key.Id };
    }
}

using Microsoft.AspNetCore.DataProtection;

namespace Crm.Identity.Services;

/// <summary>
/// Encrypts authenticator secrets before they are stored (ASP.NET Core Data Protection, its key ring in identitydb so
/// every Identity replica reads what another wrote). A row read out of the users' tables alone (a query result, an
/// export, a log) does not give away anyone's second factor.
/// </summary>
public sealed class TwoFactorSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Crm.Identity.TwoFactor.Secret.v1");

    public string Protect(string base32Secret) => _protector.Protect(base32Secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}

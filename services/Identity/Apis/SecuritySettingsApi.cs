using System.Security.Claims;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Apis;

/// <summary>The organisation's security settings (Setup): whether every user must sign in with two factors.</summary>
public static class SecuritySettingsApi
{
    public static IEndpointRouteBuilder MapSecuritySettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/security-settings").WithTags("Security settings").RequireAuthorization(Policies.Admin);
        api.MapGet("/", GetAsync);
        api.MapPut("/", UpdateAsync);
        return app;
    }

    public static async Task<Ok<SecuritySettingsResponse>> GetAsync(IdentityDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(From(await db.SecuritySettings.AsNoTracking().SingleAsync(s => s.Id == SecuritySettings.SingletonId, cancellationToken)));

    public static async Task<Results<Ok<SecuritySettingsResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        UpdateSecuritySettingsRequest request, ClaimsPrincipal principal, IdentityDbContext db, ILogger<SecuritySettings> logger, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.Version is null)
        {
            errors.Add("version", "Version is required.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var settings = await db.SecuritySettings.SingleAsync(s => s.Id == SecuritySettings.SingletonId, cancellationToken);
        if (settings.Version != request.Version)
        {
            return ConflictResults.StaleVersion(From(settings));
        }

        var adminId = principal.GetUserId();
        var required = request.RequireTwoFactor ?? settings.RequireTwoFactor;
        settings.Update(required, adminId, DbClock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        TwoFactorLog.RequirementChanged(logger, required, adminId);
        return TypedResults.Ok(From(settings));
    }

    private static SecuritySettingsResponse From(SecuritySettings s) => new(s.RequireTwoFactor, s.Version, s.UpdatedAt, s.UpdatedBy);
}

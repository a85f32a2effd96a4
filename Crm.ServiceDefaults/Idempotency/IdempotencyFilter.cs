using System.Security.Claims;
using System.Security.Cryptography;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.ServiceDefaults.Idempotency;

/// <summary>
/// Runs a write sent with an <c>Idempotency-Key</c> at most once per user and key. The key is claimed,
/// the endpoint runs and its 2xx answer is stored, all in one transaction on the service's database:
/// a crash at any instant leaves either the work and its key, or neither. A retry then gets the stored
/// answer (same status, body and Location) without the work being done again.
/// </summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    /// <summary>Test-only step (see <see cref="FaultInjection"/>): drop the connection right after the commit, as a crash would.</summary>
    public const string AfterCommitStep = "idempotency-after-commit";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = IdempotencyKey.Read(http.Request, out var invalid);
        if (invalid)
        {
            return new ValidationErrors().Add(IdempotencyKey.HeaderName, IdempotencyKey.InvalidMessage).ToProblem();
        }

        // No key: today's behaviour. Keys belong to a user, so an anonymous call has none to honour.
        if (key is not { } idempotencyKey || !Guid.TryParse(http.User.FindFirstValue(CrmClaims.Subject), out var userId))
        {
            return await next(context);
        }

        var cancellationToken = http.RequestAborted;
        var request = http.Request;
        var path = $"{request.PathBase}{request.Path}";
        var fingerprint = await RequestFingerprint.ComputeAsync(request, cancellationToken);
        var db = http.RequestServices.GetRequiredService<ServiceDatabase>().Context;

        StoredResponse response;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await IdempotencyStore.ClaimAsync(db, userId, idempotencyKey, request.Method, path, fingerprint, cancellationToken))
            {
                var stored = await IdempotencyStore.FindAsync(db, userId, idempotencyKey, cancellationToken);
                return CryptographicOperations.FixedTimeEquals(stored.RequestHash, fingerprint)
                    ? stored.ToReplay()
                    : KeyReused(stored);
            }

            response = await StoredResponse.CaptureAsync(http, await next(context));
            if (!response.IsSuccess)
            {
                // Rolled back with the claim: a refused or failed attempt may be retried with the same key.
                return response;
            }

            await IdempotencyStore.SaveAsync(db, userId, idempotencyKey, response, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The endpoint's saves woke the outbox dispatcher before its events were committed: wake it again.
        http.RequestServices.GetService<OutboxSignal>()?.Notify();

        if (FaultInjection.IsRequested(http, AfterCommitStep))
        {
            http.Abort();
        }

        return response;
    }

    private static ProblemHttpResult KeyReused(StoredKey stored) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Idempotency key reused",
        Detail = $"This Idempotency-Key was first used for a different request (not this body, or not {stored.RequestMethod} {stored.RequestPath}). A new request needs a new key.",
    });
}

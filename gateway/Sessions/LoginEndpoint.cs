using System.Text.Json.Nodes;
using Crm.Gateway.Problems;
using Crm.ServiceDefaults.Http;

namespace Crm.Gateway.Sessions;

/// <summary>
/// <c>POST /api/v1/auth/login</c> (API.md): the gateway, Identity's confidential client, exchanges the credentials
/// at <c>/connect/token</c>. The refresh token stays in Redis; the caller gets the access token, the user and the
/// <c>crm_session</c> cookie.
/// </summary>
public static class LoginEndpoint
{
    public const string InvalidLogin = "Invalid email or password.";

    public static async Task<IResult> HandleAsync(HttpContext context, IdentityTokenClient identity, SessionStore store, ILogger<IdentityTokenClient> logger)
    {
        // Read (and size-checked) by LoginBodyMiddleware before the rate limiter counted it.
        var login = LoginRequest.Of(context) ?? new LoginRequest(null, false);
        var errors = new ValidationErrors();
        foreach (var field in login.NotText)
        {
            errors.Add(field, "Must be text.");
        }

        errors.Required("email", login.Email, "Email").Required("password", login.Password, "Password");
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var outcome = await identity.PasswordAsync(login, context);
        switch (outcome.Status)
        {
            case TokenStatus.Rejected:
                return Unauthorized(outcome.Body);
            case TokenStatus.Invalid:
                return FieldErrors(outcome.Body!["errors"]!.AsObject());
            case TokenStatus.Unavailable:
                return GatewayProblems.Unreachable("identity");
        }

        var tokens = outcome.Tokens!;
        if (await BrowserSessionStart.StartAsync(context, store, tokens, login.RememberMe, logger) is { } failed)
        {
            return failed;
        }

        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(new JsonObject
        {
            ["token"] = tokens.AccessToken,
            ["expires_at"] = tokens.AccessExpiresAt.UtcDateTime,
            ["remember_me"] = login.RememberMe,
            ["mfa_enrolment_required"] = outcome.Body!["mfa_enrolment_required"]?.DeepClone() ?? false,
            ["user"] = outcome.Body!["user"]?.DeepClone(),
        });
    }

    /// <summary>
    /// One answer for every failure of the password; only after a correct one does Identity say a second factor is
    /// needed (<c>mfa_required</c>), with its own words for it.
    /// </summary>
    private static IResult Unauthorized(JsonObject? identityAnswer)
    {
        var secondFactor = identityAnswer?["mfa_required"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: secondFactor ? (string?)identityAnswer!["error_description"] ?? InvalidLogin : InvalidLogin,
            extensions: secondFactor ? new Dictionary<string, object?> { ["mfa_required"] = true } : null);
    }

    private static IResult FieldErrors(JsonObject errors) => TypedResults.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => e.Value is JsonArray messages ? messages.Select(m => (string?)m ?? "").ToArray() : []),
        title: "One or more validation errors occurred.");
}

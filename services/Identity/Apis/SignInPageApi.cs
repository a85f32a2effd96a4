using Crm.Identity.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Identity.Apis;

/// <summary>
/// The browser's sign-in page (<c>/account/login</c>), where the authorization endpoint sends a browser that has not
/// signed in: password, then the second factor when the account has one, then back to the authorization request.
/// </summary>
public static class SignInPageApi
{
    public const string MissingUsername = "Enter your username.";
    public const string MissingPassword = "Enter your password.";
    public const string FormExpired = "Your sign-in form expired. Please try again.";

    public static IEndpointRouteBuilder MapSignInPageApi(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        page.MapGet(SignInPage.Path, ShowPassword);
        page.MapPost(SignInPage.Path, SubmitPasswordAsync).DisableAntiforgery();
        page.MapGet(SignInPage.CodePath, ShowCode);
        page.MapPost(SignInPage.CodePath, SubmitCodeAsync).DisableAntiforgery();
        page.MapGet(SignInPage.ScriptPath, () => TypedResults.Text(SignInPage.Script, "text/javascript; charset=utf-8"));
        return app;
    }

    /// <summary>Where to go once signed in: an authorization request of ours, never another site.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/connect/authorize?", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "/";

    private static ContentHttpResult ShowPassword(HttpContext http, IAntiforgery antiforgery, string? returnUrl = null) =>
        Html(http, SignInPage.Render(new SignInPage.PasswordStep(SafeReturnUrl(returnUrl ?? http.Request.Query[SignInPage.ReturnUrlParameter]), Csrf(http, antiforgery))));

    private static async Task<IResult> SubmitPasswordAsync(HttpContext http, IAntiforgery antiforgery, BrowserSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = SafeReturnUrl(form[SignInPage.ReturnUrlParameter]);
        var username = ((string?)form["username"])?.Trim();
        var password = (string?)form["password"];
        var rememberMe = form["remember_me"] == "true";
        SignInPage.PasswordStep Again(string? error = null, string? usernameError = null, string? passwordError = null) =>
            new(returnUrl, Csrf(http, antiforgery), username, rememberMe, error, usernameError, passwordError);

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Html(http, SignInPage.Render(Again(FormExpired)), StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return Html(http, SignInPage.Render(Again(
                usernameError: string.IsNullOrEmpty(username) ? MissingUsername : null,
                passwordError: string.IsNullOrEmpty(password) ? MissingPassword : null)), StatusCodes.Status400BadRequest);
        }

        return await signIn.PasswordAsync(http, username, password, rememberMe, cancellationToken) switch
        {
            BrowserSignIn.Outcome.SignedIn => Results.Redirect(returnUrl),
            BrowserSignIn.Outcome.CodeNeeded => Results.Redirect($"{SignInPage.CodePath}?{SignInPage.ReturnUrlParameter}={Uri.EscapeDataString(returnUrl)}"),
            _ => Html(http, SignInPage.Render(Again(AuthApi.InvalidLogin)), StatusCodes.Status401Unauthorized),
        };
    }

    private static IResult ShowCode(HttpContext http, IAntiforgery antiforgery, BrowserSignIn signIn, string? mode = null)
    {
        var returnUrl = SafeReturnUrl(http.Request.Query[SignInPage.ReturnUrlParameter]);
        return signIn.HasPendingSecondFactor(http)
            ? Html(http, SignInPage.Render(new SignInPage.CodeStep(returnUrl, Csrf(http, antiforgery), mode == "recovery")))
            : Results.Redirect($"{SignInPage.Path}?{SignInPage.ReturnUrlParameter}={Uri.EscapeDataString(returnUrl)}");
    }

    private static async Task<IResult> SubmitCodeAsync(HttpContext http, IAntiforgery antiforgery, BrowserSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = SafeReturnUrl(form[SignInPage.ReturnUrlParameter]);
        var recovery = form["mode"] == "recovery";
        SignInPage.CodeStep Again(string? error = null, string? codeError = null) => new(returnUrl, Csrf(http, antiforgery), recovery, error, codeError);

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Html(http, SignInPage.Render(Again(FormExpired)), StatusCodes.Status400BadRequest);
        }

        var otp = recovery ? null : TwoFactorInput.Code(form["otp"]);
        var recoveryCode = recovery ? TwoFactorInput.RecoveryCode(form["recovery_code"]) : null;
        if (recovery ? recoveryCode is null : otp is null || !TotpCodes.IsWellFormed(otp))
        {
            return Html(http, SignInPage.Render(Again(codeError: recovery ? "Enter one of your recovery codes." : TwoFactorInput.MalformedCode)), StatusCodes.Status400BadRequest);
        }

        return await signIn.SecondFactorAsync(http, otp, recoveryCode, cancellationToken) switch
        {
            BrowserSignIn.Outcome.SignedIn => Results.Redirect(returnUrl),
            BrowserSignIn.Outcome.CodeRefused => Html(http, SignInPage.Render(Again(AuthApi.SecondFactorRefused)), StatusCodes.Status401Unauthorized),
            // Expired, locked out or gone: start again, with the one generic answer.
            _ => Html(http, SignInPage.Render(new SignInPage.PasswordStep(returnUrl, Csrf(http, antiforgery), Error: AuthApi.InvalidLogin)), StatusCodes.Status401Unauthorized),
        };
    }

    private static string Csrf(HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http).RequestToken!;

    private static ContentHttpResult Html(HttpContext http, string html, int status = StatusCodes.Status200OK)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

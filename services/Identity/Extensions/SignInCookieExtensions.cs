using Crm.Identity.Services;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Crm.Identity.Extensions;

/// <summary>
/// Identity's own sign-in session for browsers: the cookie its sign-in page sets, which the authorization endpoint
/// reads. It holds who signed in, never a token; the gateway forwards it only on Identity's sign-in paths.
/// </summary>
public static class SignInCookieExtensions
{
    public static IHostApplicationBuilder AddSignInCookie(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddCookie(SignInCookie.Scheme, options =>
        {
            options.Cookie.Name = SignInCookie.Name;
            options.Cookie.HttpOnly = true;
            // Lax: the authorization request arrives as a top-level navigation from the app.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = SignInPage.Path;
            options.ReturnUrlParameter = SignInPage.ReturnUrlParameter;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = false;
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = SignInCookie.Name + "_af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__csrf";
        });
        builder.Services.AddScoped<BrowserSignIn>();
        return builder;
    }
}

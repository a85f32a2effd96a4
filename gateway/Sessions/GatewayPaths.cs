namespace Crm.Gateway.Sessions;

/// <summary>Public paths the gateway does more with than forward them.</summary>
public static class GatewayPaths
{
    public const string Login = "/api/v1/auth/login";
    public const string ForgotPassword = "/api/v1/auth/forgot-password";
    public const string Health = "/api/v1/health";

    /// <summary>Identity's sign-in page: its password and code steps post here (form-encoded).</summary>
    public const string SignInPage = "/account/login";
    public const string SignInPageCode = "/account/login/code";

    /// <summary>The gateway's side of the browser's code flow with Identity (BrowserSignInEndpoints).</summary>
    public const string SignIn = "/auth/signin";
    public const string SignInCallback = "/auth/callback";
}

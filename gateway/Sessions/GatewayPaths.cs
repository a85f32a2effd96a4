namespace Crm.Gateway.Sessions;

/// <summary>Public paths the gateway does more with than forward them.</summary>
public static class GatewayPaths
{
    public const string Login = "/api/v1/auth/login";
    public const string ForgotPassword = "/api/v1/auth/forgot-password";
    public const string Health = "/api/v1/health";
}

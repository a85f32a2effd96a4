namespace Crm.Gateway.Sessions;

/// <summary>Public paths the gateway handles itself rather than just forwarding.</summary>
public static class GatewayPaths
{
    public const string Login = "/api/v1/auth/login";
    public const string Logout = "/api/v1/auth/logout";
    public const string Health = "/api/v1/health";
}

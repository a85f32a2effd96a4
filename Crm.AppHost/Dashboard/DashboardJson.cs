using System.Text.Json;

namespace Crm.AppHost.Dashboard;

internal static class DashboardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

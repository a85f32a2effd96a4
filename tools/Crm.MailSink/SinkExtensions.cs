using System.Text.Json;

namespace Crm.MailSink;

public static class SinkExtensions
{
    public static WebApplicationBuilder AddMailSink(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SinkOptions>(builder.Configuration.GetSection(SinkOptions.Section));
        builder.Services.AddSingleton<MailStore>();
        builder.Services.AddHostedService<SmtpListener>();
        // The same JSON shape as the CRM's API: snake_case names.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        return builder;
    }
}

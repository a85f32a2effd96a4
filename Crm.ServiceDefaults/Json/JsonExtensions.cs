using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Json;

public static class JsonExtensions
{
    /// <summary>
    /// The API's JSON shape: snake_case names, enums as exactly their display strings, numbers accepted
    /// as strings, dates and date-times only within <see cref="DateBounds"/>.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.Converters.Add(new DisplayEnumJsonConverterFactory());
        options.Converters.Add(new UtcDateTimeJsonConverter());
        options.Converters.Add(new DateOnlyJsonConverter());
    }

    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    public static IHostApplicationBuilder AddCrmJson(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        return builder;
    }
}

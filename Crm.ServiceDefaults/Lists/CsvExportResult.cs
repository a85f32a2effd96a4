using System.Globalization;
using System.Reflection;
using Crm.ServiceDefaults.Json;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Crm.ServiceDefaults.Lists;

/// <summary>
/// A list's rows as a CSV download (<c>GET /{list}/export.csv</c>): a header row of the column titles, then every
/// row written as the database streams it, so an export of any size holds one row at a time. Money is a plain
/// decimal, dates ISO 8601, enums their display names; cells that a spreadsheet would run as a formula are
/// escaped with a leading <c>'</c> by CsvHelper's injection protection.
/// </summary>
public sealed class CsvExportResult<T>(string fileStem, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows)
    : IResult, IEndpointMetadataProvider
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = ContentType;
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"{fileStem}-{DateTime.UtcNow:yyyy-MM-dd}.csv",
        }.ToString();

        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Title);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(Cell(column.Value(row)));
            }

            // Async all the way: Kestrel refuses synchronous writes to the response.
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => text,
        decimal money => money.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum named => EnumNames.Display(named),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/csv"]));
}

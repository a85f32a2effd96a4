using System.Text.Json;

namespace Crm.ServiceDefaults.Json;

/// <summary>
/// A JSON value the API refuses, carrying the message a client sees under the field (System.Text.Json
/// fills in the field's path; <see cref="Http.CrmExceptionHandler"/> turns it into a 400).
/// </summary>
public sealed class JsonValueException(string message) : JsonException(message);

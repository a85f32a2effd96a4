using System.Globalization;
using System.Text.RegularExpressions;

namespace Crm.IntegrationTests.Adversarial;

/// <summary>
/// Turns each route into hostile requests: every path parameter, query parameter and body field gets
/// every value of its class (<see cref="AdversarialValues"/>) while everything else stays valid and names
/// real records, so a request gets as far into the endpoint as that one value lets it.
/// </summary>
public static partial class ProbeFactory
{
    public static IEnumerable<Probe> For(RouteSpec route, AdversarialWorld world)
    {
        var realPath = ConcretePath(route, world, mutated: null, value: null);
        foreach (var parameter in route.PathParameters)
        {
            foreach (var value in AdversarialValues.ForPath())
            {
                yield return new Probe(route, $"path.{parameter.Name}", value, ConcretePath(route, world, parameter.Name, value.Text), route.HasBody ? w => BaseBody(route, w) : null);
            }
        }

        foreach (var parameter in route.QueryParameters)
        {
            var isDate = parameter.Name.EndsWith("date", StringComparison.Ordinal);
            foreach (var value in AdversarialValues.ForQuery(parameter, isDate))
            {
                yield return new Probe(route, $"query.{parameter.Name}", value, $"{realPath}?{parameter.Name}={value.Text}", null);
            }
        }

        if (!route.HasBody)
        {
            yield break;
        }

        foreach (var variant in Variants(route))
        {
            var prefix = variant is null ? "body." : $"body({variant}).";
            foreach (var field in route.BodyFields)
            {
                foreach (var value in AdversarialValues.ForBody(field))
                {
                    yield return new Probe(route, prefix + field.Name, value, realPath, w => BaseBody(route, w, field.Name, value.Text, variant));
                }
            }
        }

        foreach (var whole in AdversarialValues.ForWholeBody())
        {
            yield return new Probe(route, "body", new AdversarialValue(whole.Class, "", whole.MustRefuse), realPath, w => whole.Body(BaseBody(route, w)), whole.ContentType, whole.Chunked);
        }
    }

    /// <summary>The route's path with real ids, except <paramref name="mutated"/>, which gets <paramref name="value"/>.</summary>
    public static string ConcretePath(RouteSpec route, AdversarialWorld world, string? mutated, string? value) =>
        RouteParameter().Replace(route.Template, m =>
        {
            var name = m.Groups[1].Value;
            return name == mutated ? value! : RealId(route, name, world);
        });

    /// <summary>
    /// A valid body as a client would send it: for a create every field, for an update the version and
    /// the fields the schema requires; with <paramref name="field"/> set to the raw JSON <paramref name="raw"/>.
    /// </summary>
    public static string BaseBody(RouteSpec route, AdversarialWorld world, string? field = null, string? raw = null, string? variant = null)
    {
        var isUpdate = route.BodyFields.Any(f => f.Name == "version");
        var members = new List<string>();
        foreach (var f in route.BodyFields)
        {
            string? json;
            if (f.Name == field)
            {
                json = raw;
            }
            else if (isUpdate && !f.Required && f.Name != "version")
            {
                continue;
            }
            else if (variant is not null && ActivityVariant(variant, f.Name) is (var skip, var value))
            {
                if (skip)
                {
                    continue;
                }

                json = value ?? ValidValue(route, f, world);
            }
            else
            {
                json = ValidValue(route, f, world);
            }

            if (json is not null)
            {
                members.Add($"\"{f.Name}\":{json}");
            }
        }

        return "{" + string.Join(",", members) + "}";
    }

    /// <summary>
    /// A new activity is a task or an event, each with fields of its own that the other refuses, so its
    /// fields are tried on both; the event is all-day (an all-day event ending 9999-12-31 once broke every read).
    /// </summary>
    private static IEnumerable<string?> Variants(RouteSpec route) =>
        route.BodySchema == "CreateActivityRequest" ? ["Task", "Event"] : [null];

    /// <summary>For an activity variant: whether to leave <paramref name="name"/> out, else its value (null: the usual one).</summary>
    private static (bool Skip, string? Value)? ActivityVariant(string variant, string name) => (variant, name) switch
    {
        ("Task", "start_time" or "end_time" or "is_all_day_event" or "location") => (true, null),
        ("Event", "status" or "priority" or "due_date") => (true, null),
        ("Event", "type") => (false, "\"Event\""),
        ("Event", "is_all_day_event") => (false, "true"),
        ("Event", "start_time" or "end_time") => (false, "\"2026-01-15T00:00:00Z\""),
        _ => null,
    };

    private static string? ValidValue(RouteSpec route, FieldSpec f, AdversarialWorld world) => f.Kind switch
    {
        FieldKind.String => f.Name switch
        {
            "email" => $"\"adv-{Guid.NewGuid():N}@crm.test\"",
            "website" => "\"https://example.com\"",
            "phone" => "\"+1 555 0100\"",
            "role" => "\"User\"",
            "current_password" => "\"" + TestUsers.Password + "\"",
            "password" or "new_password" => "\"Adv3rsarial-Passw0rd!\"",
            _ => $"\"Adversarial {Guid.NewGuid().ToString("N")[..8]}\"",
        },
        FieldKind.Integer when f.Name == "version" => world.VersionOf(RealId(route, "id", world)).ToString(CultureInfo.InvariantCulture),
        FieldKind.Integer => "1",
        FieldKind.Number => f.Name == "amount" ? "1" : "10",
        FieldKind.Boolean => f.Name == "is_active" ? "true" : "false",
        FieldKind.Uuid => f.Name switch
        {
            "account_id" or "parent_account_id" or "what_id" => Quote(world.Ids["account"]),
            "contact_id" or "who_id" or "reports_to_id" => Quote(world.Ids["contact"]),
            "product_id" => Quote(world.Ids["product"]),
            "opportunity_id" => Quote(world.Ids["opportunity"]),
            "owner_id" or "assigned_to_id" => Quote(world.AdminId.ToString()),
            _ => null,
        },
        FieldKind.Date => f.Name switch
        {
            "start_date" or "service_period_start" => "\"2026-01-01\"",
            "end_date" => "\"2026-12-31\"",
            "service_period_end" => "\"2026-01-31\"",
            _ => "\"2026-01-15\"",
        },
        FieldKind.DateTime => f.Name == "end_time" ? "\"2026-01-15T11:00:00Z\"" : "\"2026-01-15T10:00:00Z\"",
        FieldKind.Enum => Quote(f.EnumValues[0]),
        _ => null,
    };

    /// <summary>
    /// The real record a path parameter names, by the collection before it; a route added later that
    /// this does not know gets a fresh id (its requests then stop at "not found").
    /// </summary>
    private static string RealId(RouteSpec route, string parameter, AdversarialWorld world)
    {
        if (parameter == "recordType")
        {
            return "Account";
        }

        var segments = route.Template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        var collection = at > 0 ? segments[at - 1] : "";
        if (route.Template.StartsWith("/internal/", StringComparison.Ordinal))
        {
            // The directories: the admin is in every service's user directory, the account in its records.
            return collection == "users" ? world.AdminId.ToString() : world.Ids["account"];
        }

        var key = collection switch
        {
            "line_items" => "line_item",
            "contact_roles" => "contact_role",
            "users" => "user",
            "api-clients" => "api_client",
            "opportunities" => route.Service == "billing" ? "won_opportunity" : "opportunity",
            "activities" => "task",
            "cases" => "case",
            _ => collection.TrimEnd('s'),
        };
        return world.Ids.TryGetValue(key, out var id) ? id : Guid.NewGuid().ToString();
    }

    private static string Quote(string value) => "\"" + value + "\"";

    [GeneratedRegex("\\{([^}:]+)(:[^}]*)?\\}")]
    private static partial Regex RouteParameter();
}

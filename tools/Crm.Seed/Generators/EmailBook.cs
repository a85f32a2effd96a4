using Bogus;

namespace Crm.Seed.Generators;

/// <summary>
/// Work e-mails on the company's own domain, unique across the plan's contacts and leads: the API refuses a
/// second active contact with the same e-mail, and converting a lead creates a contact from its e-mail.
/// </summary>
public sealed class EmailBook
{
    private static readonly string[] FreeMail = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com"];

    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    public string Next(Faker f, string first, string last, string? website)
    {
        var domain = Domain(website) ?? f.PickRandom(FreeMail);
        var firstSlug = AccountGenerator.Slug(first, "");
        var lastSlug = AccountGenerator.Slug(last, "");
        var local = f.Random.WeightedRandom(
            [$"{firstSlug}.{lastSlug}", $"{firstSlug}", $"{firstSlug[..1]}{lastSlug}", $"{firstSlug}{lastSlug}"],
            [0.5f, 0.2f, 0.2f, 0.1f]);
        var email = $"{local}@{domain}";
        for (var n = 2; !_taken.Add(email); n++)
        {
            email = $"{firstSlug}.{lastSlug}{n}@{domain}";
        }

        return email;
    }

    /// <summary>"https://www.bluebird-dental.com" gives "bluebird-dental.com".</summary>
    public static string? Domain(string? website)
    {
        if (website is null || !Uri.TryCreate(website, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }
}

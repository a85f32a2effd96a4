using System.Globalization;
using System.Text;
using Bogus;

namespace Crm.Seed;

/// <summary>
/// Generates the clients of a web agency: small and mid-sized businesses with a phone, a website
/// matching their name, a type, a short note and addresses. Pure and deterministic: the same seed
/// gives the same accounts, and the first N accounts do not depend on how many are asked for.
/// </summary>
public sealed class AccountGenerator
{
    public const int MaxNameLength = 120;

    /// <summary>Account types with the weights of a web agency's book: mostly prospects and customers.</summary>
    public static readonly IReadOnlyList<(string Type, float Weight)> TypeWeights =
    [
        ("Prospect", 0.45f),
        ("Customer", 0.38f),
        ("Partner", 0.09f),
        ("Other", 0.08f),
    ];

    /// <summary>Share of accounts with a parent (a branch or subsidiary of an earlier account).</summary>
    public const double ParentShare = 0.10;

    private static readonly string[] Types = TypeWeights.Select(t => t.Type).ToArray();
    private static readonly float[] Weights = TypeWeights.Select(t => t.Weight).ToArray();

    private static readonly (string Name, string What)[] Industries =
    [
        ("Dental", "dental practice"), ("Dental Care", "dental practice"), ("Orthodontics", "orthodontic clinic"),
        ("Law Group", "law firm"), ("Legal", "law firm"), ("& Partners", "accounting firm"), ("Accounting", "accounting firm"),
        ("Bakery", "bakery"), ("Coffee Roasters", "coffee roaster"), ("Kitchen", "restaurant"), ("Bistro", "restaurant"), ("Brewing Co.", "craft brewery"),
        ("Realty", "real estate agency"), ("Properties", "property manager"), ("Architects", "architecture studio"), ("Builders", "general contractor"),
        ("Plumbing", "plumbing company"), ("Electric", "electrical contractor"), ("Roofing", "roofing company"), ("Landscaping", "landscaping company"),
        ("Fitness", "gym"), ("Yoga Studio", "yoga studio"), ("Physical Therapy", "physiotherapy clinic"), ("Veterinary Clinic", "veterinary clinic"),
        ("Auto Repair", "garage"), ("Motors", "car dealership"), ("Logistics", "logistics company"), ("Freight", "freight forwarder"),
        ("Consulting", "consultancy"), ("Advisors", "financial advisor"), ("Insurance", "insurance broker"), ("Capital", "investment firm"),
        ("Outfitters", "outdoor retailer"), ("Boutique", "clothing boutique"), ("Books", "bookshop"), ("Florist", "florist"),
        ("Travel", "travel agency"), ("Hotel", "hotel"), ("Inn", "bed and breakfast"), ("Events", "event planner"),
        ("Academy", "private school"), ("Learning Center", "tutoring center"), ("Foundation", "non-profit"), ("Clinic", "medical clinic"),
        ("Software", "software company"), ("Labs", "tech startup"), ("Systems", "IT services company"), ("Media", "media company"),
        ("Manufacturing", "manufacturer"), ("Industries", "industrial supplier"), ("Supply", "wholesaler"), ("Foods", "food producer"),
    ];

    private static readonly string[] Brandwords =
    [
        "Bluebird", "Summit", "Northstar", "Evergreen", "Harbor", "Maple", "Granite", "Silverline", "Redwood", "Lighthouse",
        "Riverside", "Oakridge", "Copper", "Sunrise", "Keystone", "Pioneer", "Meridian", "Cedar", "Juniper", "Atlas",
        "Beacon", "Horizon", "Willow", "Ironwood", "Crescent", "Blue Ridge", "Golden Gate", "Pinecrest", "Aspen", "Harvest",
        "Union", "Liberty", "Prairie", "Lakeside", "Highland", "Sterling", "Orchard", "Fox & Hound", "Little Owl", "Red Barn",
    ];

    private static readonly string[] Tlds = ["com", "com", "com", "com", "com", "com", "net", "co", "io", "org", "us", "biz"];

    private static readonly string[] StopWords = ["and", "the", "of", "llc", "inc", "group", "co", "ltd"];

    private static readonly string[] PhoneFormats = ["({0}) {1}-{2}", "{0}-{1}-{2}", "+1 {0} {1} {2}", "{0}.{1}.{2}", "({0}) {1}-{2} ext. {3}"];
    private static readonly float[] PhoneFormatWeights = [0.45f, 0.25f, 0.15f, 0.1f, 0.05f];

    private static readonly string[] ProspectNotes =
    [
        "Inbound lead from the contact form; wants a quote for a new website.",
        "Met at the chamber of commerce mixer. Current site is not mobile friendly.",
        "Referred by an existing client. Interested in an online booking flow.",
        "Asked about SEO and a refresh of their brand identity.",
        "Requested a proposal for an e-commerce store; budget not confirmed yet.",
        "Downloaded the website checklist; follow up in two weeks.",
        "Outgrew their site builder and wants a custom CMS.",
    ];

    private static readonly string[] CustomerNotes =
    [
        "Monthly maintenance and hosting retainer.",
        "Site redesign launched last quarter; now on an SEO retainer.",
        "E-commerce build with a payment integration; phase two planned.",
        "Ongoing content updates and quarterly analytics reviews.",
        "Landing pages and ads for seasonal campaigns.",
        "Accessibility audit done; remediation work in progress.",
        "Custom booking system integrated with their calendar.",
    ];

    private static readonly string[] PartnerNotes =
    [
        "Hosting partner; refers clients who need a redesign.",
        "Print and signage shop we subcontract brand work to.",
        "Photography studio used for client shoots.",
        "Copywriting agency; we share larger projects.",
        "Marketing consultancy; white-label development.",
    ];

    private static readonly string[] OtherNotes =
    [
        "Supplier of stock imagery and fonts.",
        "Former client; site moved to another vendor.",
        "Local business association; sponsorship contact.",
        "Recruiting agency we hire designers through.",
    ];

    private readonly int _seed;

    public AccountGenerator(int seed) => _seed = seed;

    /// <summary>
    /// The accounts, in creation order. <paramref name="ownerCount"/> extra owners (besides the admin,
    /// slot 0) share them; slots come from a separate random stream, so the accounts themselves do not
    /// change with the number of owners.
    /// </summary>
    public IReadOnlyList<AccountDraft> Generate(int count, int ownerCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(ownerCount);
        var faker = NewFaker(_seed);
        var owners = new Randomizer(unchecked((_seed * 31) + 7));
        var ownerWeights = OwnerWeights(ownerCount);
        var ownerSlots = Enumerable.Range(0, ownerCount + 1).ToArray();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var accounts = new List<AccountDraft>(count);
        for (var i = 0; i < count; i++)
        {
            var ownerSlot = ownerCount == 0 ? 0 : owners.WeightedRandom(ownerSlots, ownerWeights);
            accounts.Add(Next(faker, i, accounts, names, ownerSlot));
        }

        return accounts;
    }

    /// <summary>The extra users: deterministic names and unique e-mails under the agency's domain.</summary>
    public IReadOnlyList<OwnerDraft> Owners(int count)
    {
        var faker = NewFaker(unchecked(_seed + 1_000_003));
        var list = new List<OwnerDraft>(count);
        for (var i = 1; i <= count; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{Slug(first, "")}.{Slug(last, "")}.{_seed}-{i}@seed.crm.local";
            list.Add(new OwnerDraft(i, first, last, email));
        }

        return list;
    }

    /// <summary>The admin owns a smaller share; the reps own uneven shares (1, 2 or 3 parts).</summary>
    private static float[] OwnerWeights(int ownerCount)
    {
        var weights = new float[ownerCount + 1];
        weights[0] = ownerCount == 0 ? 1 : 0.5f;
        for (var k = 1; k <= ownerCount; k++)
        {
            weights[k] = 1 + (k % 3);
        }

        var sum = weights.Sum();
        return weights.Select(w => w / sum).ToArray();
    }

    private static Faker NewFaker(int seed) => new("en") { Random = new Randomizer(seed) };

    private static AccountDraft Next(Faker f, int index, List<AccountDraft> earlier, HashSet<string> names, int ownerSlot)
    {
        var type = f.Random.WeightedRandom(Types, Weights);
        AccountDraft? parent = null;
        if (index > 0 && f.Random.Double() < ParentShare)
        {
            // Any earlier account: it has been created (or is being created) before this one.
            parent = earlier[f.Random.Int(0, index - 1)];
        }

        var (industry, what) = f.PickRandom(Industries);
        string name;
        string? website;
        if (parent is not null && f.Random.Bool(0.6f))
        {
            // A branch: "<Parent> - <City>" on the parent's domain.
            name = Unique(f, names, () => Truncate($"{parent.Name} - {f.Address.City()}"));
            website = parent.Website;
        }
        else
        {
            name = Unique(f, names, () => CompanyName(f, industry));
            website = f.Random.Bool(0.95f) ? Website(f, name) : null;
        }

        var billing = f.Random.Bool(0.92f) ? Address(f) : null;
        var shipping = billing is null
            ? null
            : f.Random.WeightedRandom(["same", "other", "none"], [0.6f, 0.25f, 0.15f]) switch
            {
                "same" => billing,
                "other" => Address(f),
                _ => null,
            };

        return new AccountDraft
        {
            Index = index,
            OwnerSlot = ownerSlot,
            ParentIndex = parent?.Index,
            Name = name,
            Phone = f.Random.Bool(0.9f) ? Phone(f) : null,
            Website = website,
            Type = type,
            Description = f.Random.Bool(0.75f) ? Description(f, type, what) : null,
            BillingAddress = billing,
            ShippingAddress = shipping,
        };
    }

    private static string CompanyName(Faker f, string industry) =>
        f.Random.WeightedRandom([0, 1, 2, 3, 4], [0.35f, 0.25f, 0.2f, 0.1f, 0.1f]) switch
        {
            0 => $"{f.Name.LastName()} {industry}",
            1 => f.Company.CompanyName(),
            2 => $"{f.PickRandom(Brandwords)} {industry}",
            3 => $"{f.Address.City()} {industry}",
            _ => $"{f.Name.LastName()} & {f.Name.LastName()} {industry}",
        };

    private static string Unique(Faker f, HashSet<string> names, Func<string> make)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = make();
            if (names.Add(candidate))
            {
                return candidate;
            }
        }

        // Rare with Bogus's name lists; a numbered suffix keeps it deterministic.
        var baseName = make();
        for (var n = 2; ; n++)
        {
            var candidate = Truncate($"{baseName} {n}");
            if (names.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>https://www.&lt;name without punctuation and stop words&gt;.&lt;tld&gt;, sometimes hyphenated, sometimes without www.</summary>
    public static string Website(Faker f, string name)
    {
        var slug = Slug(name, f.Random.Bool(0.25f) ? "-" : "");
        var host = f.Random.Bool(0.7f) ? "www." + slug : slug;
        return $"https://{host}.{f.PickRandom(Tlds)}";
    }

    /// <summary>Lower-case ASCII letters and digits of the name's words, without stop words, joined by <paramref name="separator"/>.</summary>
    public static string Slug(string name, string separator)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or ',' or '&' or '.')
            {
                Flush();
            }
        }

        Flush();
        var kept = words.Where(w => !StopWords.Contains(w)).ToList();
        return string.Join(separator, kept.Count > 0 ? kept : words);

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>A North American number: area code and exchange never start with 0 or 1.</summary>
    public static string Phone(Faker f) => string.Format(
        CultureInfo.InvariantCulture,
        f.Random.WeightedRandom(PhoneFormats, PhoneFormatWeights),
        f.Random.Int(201, 989),
        f.Random.Int(200, 999),
        f.Random.Int(0, 9999).ToString("D4", CultureInfo.InvariantCulture),
        f.Random.Int(10, 450));

    /// <summary>Street, an optional suite, then "City, ST 12345" (US style), one per line.</summary>
    private static string Address(Faker f)
    {
        var lines = new List<string> { f.Address.StreetAddress() };
        if (f.Random.Bool(0.3f))
        {
            lines.Add(f.Address.SecondaryAddress());
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{f.Address.City()}, {f.Address.StateAbbr()} {f.Address.ZipCode("#####")}"));
        return string.Join('\n', lines);
    }

    private static string Description(Faker f, string type, string what)
    {
        var intro = f.Random.WeightedRandom([0, 1, 2], [0.4f, 0.3f, 0.3f]) switch
        {
            0 => $"Family-owned {what} with {f.Random.Int(2, 9)} locations.",
            1 => $"{Capitalize(what)}, about {f.Random.Int(3, 40) * 5} employees.",
            _ => $"Independent {what} serving the {f.Address.City()} area since {f.Random.Int(1965, 2021)}.",
        };
        var note = f.PickRandom(type switch
        {
            "Customer" => CustomerNotes,
            "Partner" => PartnerNotes,
            "Other" => OtherNotes,
            _ => ProspectNotes,
        });
        return intro + " " + note;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Truncate(string s) => s.Length <= MaxNameLength ? s : s[..MaxNameLength].TrimEnd();
}

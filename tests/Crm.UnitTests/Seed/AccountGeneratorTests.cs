using Crm.Seed;
using Shouldly;

namespace Crm.UnitTests.Seed;

public sealed class AccountGeneratorTests
{
    private static readonly IReadOnlyList<AccountDraft> Sample = new AccountGenerator(42).Generate(2000, ownerCount: 5);

    [Fact]
    public void The_same_seed_gives_the_same_accounts()
    {
        var again = new AccountGenerator(42).Generate(2000, ownerCount: 5);
        again.ShouldBe(Sample);
    }

    [Fact]
    public void Another_seed_gives_other_accounts()
    {
        var other = new AccountGenerator(43).Generate(50);
        other.Select(a => a.Name).ShouldNotBe(Sample.Take(50).Select(a => a.Name));
    }

    [Fact]
    public void The_first_accounts_do_not_depend_on_how_many_are_asked_for()
    {
        new AccountGenerator(42).Generate(100, ownerCount: 5).ShouldBe(Sample.Take(100));
    }

    [Fact]
    public void The_number_of_owners_changes_only_who_owns_what()
    {
        var alone = new AccountGenerator(42).Generate(2000);
        alone.ShouldAllBe(a => a.OwnerSlot == 0);
        alone.Select(a => a with { OwnerSlot = 0 }).ShouldBe(Sample.Select(a => a with { OwnerSlot = 0 }));
    }

    [Fact]
    public void Accounts_are_spread_over_every_owner()
    {
        var counts = Sample.GroupBy(a => a.OwnerSlot).ToDictionary(g => g.Key, g => g.Count());
        counts.Keys.Order().ShouldBe([0, 1, 2, 3, 4, 5]);
        counts.Values.ShouldAllBe(n => n > 2000 / 40);
    }

    [Fact]
    public void Parents_are_earlier_accounts_for_about_a_tenth()
    {
        var children = Sample.Where(a => a.ParentIndex is not null).ToList();
        children.ShouldAllBe(a => a.ParentIndex >= 0 && a.ParentIndex < a.Index);
        (children.Count / (double)Sample.Count).ShouldBeInRange(0.07, 0.13);
        Sample[0].ParentIndex.ShouldBeNull();
        Sample.Select((a, i) => a.Index == i).ShouldAllBe(ok => ok);
    }

    [Fact]
    public void Names_are_unique_and_of_a_sane_length()
    {
        Sample.Select(a => a.Name.ToUpperInvariant()).Distinct().Count().ShouldBe(Sample.Count);
        Sample.ShouldAllBe(a => a.Name.Length >= 3 && a.Name.Length <= AccountGenerator.MaxNameLength && a.Name == a.Name.Trim());
    }

    [Fact]
    public void Types_follow_the_weights()
    {
        var shares = Sample.GroupBy(a => a.Type).ToDictionary(g => g.Key, g => g.Count() / (double)Sample.Count);
        shares.Keys.Order().ShouldBe(["Customer", "Other", "Partner", "Prospect"]);
        foreach (var (type, weight) in AccountGenerator.TypeWeights)
        {
            shares[type].ShouldBeInRange(weight - 0.04, weight + 0.04, type);
        }
    }

    [Fact]
    public void Websites_are_https_urls_made_of_the_name()
    {
        var withSite = Sample.Where(a => a.Website is not null && a.ParentIndex is null).ToList();
        withSite.Count.ShouldBeGreaterThan(Sample.Count * 8 / 10);
        foreach (var account in withSite)
        {
            var uri = new Uri(account.Website!);
            uri.Scheme.ShouldBe("https");
            uri.AbsolutePath.ShouldBe("/");
            var label = uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host;
            var domain = label[..label.LastIndexOf('.')].Replace("-", "", StringComparison.Ordinal);
            domain.ShouldBe(AccountGenerator.Slug(account.Name, ""), account.Name);
        }
    }

    [Fact]
    public void Branches_share_their_parents_website()
    {
        var branches = Sample.Where(a => a.ParentIndex is { } p && a.Name.StartsWith(Sample[p].Name + " - ", StringComparison.Ordinal)).ToList();
        branches.ShouldNotBeEmpty();
        branches.ShouldAllBe(a => a.Website == Sample[a.ParentIndex!.Value].Website);
    }

    [Fact]
    public void Phones_are_north_american_numbers()
    {
        var phones = Sample.Where(a => a.Phone is not null).Select(a => a.Phone!).ToList();
        phones.Count.ShouldBeGreaterThan(Sample.Count * 8 / 10);
        phones.ShouldAllBe(p => p.Length <= 40);
        foreach (var phone in phones)
        {
            phone.ShouldMatch(@"^(\+1 )?\(?[2-9]\d\d\)?[ .-][2-9]\d\d[ .-]\d{4}( ext\. \d+)?$");
        }
    }

    [Fact]
    public void Addresses_have_a_street_line_and_a_city_state_zip_line()
    {
        var addresses = Sample.SelectMany(a => new[] { a.BillingAddress, a.ShippingAddress }).OfType<string>().ToList();
        addresses.ShouldNotBeEmpty();
        foreach (var address in addresses)
        {
            var lines = address.Split('\n');
            lines.Length.ShouldBeInRange(2, 3);
            lines[^1].ShouldMatch(@"^[^,]+, [A-Z]{2} \d{5}$");
            char.IsAsciiDigit(lines[0][0]).ShouldBeTrue(lines[0]);
        }

        Sample.Count(a => a.ShippingAddress is not null && a.ShippingAddress != a.BillingAddress).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Most_accounts_have_a_description_matching_their_type()
    {
        Sample.Count(a => a.Description is not null).ShouldBeGreaterThan(Sample.Count * 6 / 10);
        Sample.Where(a => a.Description is not null).ShouldAllBe(a => a.Description!.Length > 20 && a.Description.EndsWith('.'));
    }

    [Fact]
    public void The_body_uses_the_api_field_names_and_leaves_out_the_seeders_own()
    {
        var body = Sample.First(a => a.BillingAddress is not null && a.Website is not null && a.Phone is not null && a.Description is not null && a.ShippingAddress is not null).ToBody();
        body.Select(p => p.Key).ShouldBe(
            ["name", "phone", "website", "type", "description", "billing_address", "shipping_address"], ignoreOrder: true);
        Sample.First(a => a.Phone is null).ToBody().ContainsKey("phone").ShouldBeFalse();
    }

    [Fact]
    public void Owners_are_deterministic_with_unique_emails()
    {
        var owners = new AccountGenerator(7).Owners(20);
        owners.ShouldBe(new AccountGenerator(7).Owners(20));
        owners.Select(o => o.Email).Distinct().Count().ShouldBe(20);
        owners.Select(o => o.Slot).ShouldBe(Enumerable.Range(1, 20));
        owners.ShouldAllBe(o => o.Email.EndsWith("@seed.crm.local", StringComparison.Ordinal) && o.FirstName.Length > 0 && o.LastName.Length > 0);
    }

    [Theory]
    [InlineData("Schmidt, Hane and Kuhn", "", "schmidthanekuhn")]
    [InlineData("Bluebird Bakery", "-", "bluebird-bakery")]
    [InlineData("Fox & Hound Realty LLC", "-", "fox-hound-realty")]
    [InlineData("The Group", "", "thegroup")]
    public void Slug_keeps_letters_and_digits_without_stop_words(string name, string separator, string expected) =>
        AccountGenerator.Slug(name, separator).ShouldBe(expected);
}

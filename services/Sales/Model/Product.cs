using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Model;

/// <summary>A catalog item the agency sells (a website build, a monthly SEO retainer...). Deactivated, never deleted.</summary>
public sealed class Product
{
    public const int NameMax = 255;
    public const int DescriptionMax = 32000;

    private Product()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public decimal StandardListPrice { get; private set; }

    public bool IsRetainerProduct { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid UpdatedBy { get; private set; }

    public static Product Create(ProductChanges f, Guid by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = f.Name.Value!.Trim(),
        Description = string.IsNullOrWhiteSpace(f.Description.Value) ? null : f.Description.Value.Trim(),
        StandardListPrice = f.StandardListPrice.Value!.Value,
        IsRetainerProduct = f.IsRetainerProduct.Value ?? false,
        IsActive = true,
        Version = 1,
        CreatedAt = now,
        CreatedBy = by,
        UpdatedAt = now,
        UpdatedBy = by,
    };

    public void Apply(ProductChanges c, Guid by, DateTime now)
    {
        Name = c.Name.IsSet ? c.Name.Value!.Trim() : Name;
        Description = c.Description.IsSet ? (string.IsNullOrWhiteSpace(c.Description.Value) ? null : c.Description.Value.Trim()) : Description;
        StandardListPrice = c.StandardListPrice.IsSet && c.StandardListPrice.Value is { } price ? price : StandardListPrice;
        IsRetainerProduct = c.IsRetainerProduct.IsSet && c.IsRetainerProduct.Value is { } retainer ? retainer : IsRetainerProduct;
        IsActive = c.IsActive.IsSet && c.IsActive.Value is { } active ? active : IsActive;
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
    }

    public static void Validate(ValidationErrors errors, ProductChanges f, bool creating)
    {
        if (creating || f.Name.IsSet)
        {
            errors.Required("name", f.Name.Value, "Product Name");
        }

        if ((creating || f.StandardListPrice.IsSet) && f.StandardListPrice.Value is null)
        {
            errors.Add("standard_list_price", "List Price is required.");
        }

        errors.MaxLength("name", f.Name.Value?.Trim(), NameMax, "Product Name")
            .MaxLength("description", f.Description.Value, DescriptionMax, "Description");
        Money.Check(errors, "standard_list_price", f.StandardListPrice.Value, "List Price");
        if (f.IsRetainerProduct.IsSet && f.IsRetainerProduct.Value is null)
        {
            errors.Add("is_retainer_product", "Retainer must be true or false.");
        }

        if (f.IsActive.IsSet && f.IsActive.Value is null)
        {
            errors.Add("is_active", "Active must be true or false.");
        }
    }
}

/// <summary>The editable fields of a product: absent fields stay as they are.</summary>
public record ProductChanges
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<decimal?> StandardListPrice { get; init; }

    public Optional<bool?> IsRetainerProduct { get; init; }

    public Optional<bool?> IsActive { get; init; }
}

using Crm.Seed.Plans;

namespace Crm.Seed.Generators;

/// <summary>The agency's price list: one-off projects and monthly retainers. Fixed, so re-runs find them by name.</summary>
public static class ProductCatalog
{
    public static readonly IReadOnlyList<ProductPlan> Products =
    [
        new(0, "Website Redesign", 12000m, "Discovery, design and build of a responsive marketing site (up to 15 pages).", false),
        new(1, "Landing Page", 1800m, "One campaign landing page with a form and analytics.", false),
        new(2, "E-commerce Build", 24000m, "Online store with catalogue, checkout and payment integration.", false),
        new(3, "SEO Audit", 2500m, "Technical and content audit with a prioritised fix list.", false),
        new(4, "Brand Identity Package", 6500m, "Logo, colour palette, typography and a short brand guide.", false),
        new(5, "Accessibility Audit", 3200m, "WCAG 2.2 AA review with a remediation plan.", false),
        new(6, "Support Hours Block (10 h)", 1250m, "Ten hours of development or content changes, used within six months.", false),
        new(7, "Hosting & Maintenance Retainer", 450m, "Managed hosting, backups, updates and uptime monitoring, per month.", true),
        new(8, "SEO Retainer", 1200m, "Monthly keyword research, on-page work and a ranking report.", true),
        new(9, "Content & Social Retainer", 900m, "Four blog posts and a social calendar per month.", true),
    ];

    public static IEnumerable<ProductPlan> OneOff => Products.Where(p => !p.IsRetainer);

    public static IEnumerable<ProductPlan> Retainers => Products.Where(p => p.IsRetainer);
}

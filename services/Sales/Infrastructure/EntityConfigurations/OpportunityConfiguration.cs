using Crm.Sales.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Sales.Infrastructure.EntityConfigurations;

public sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("opportunities");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Stage).HasConversion<string>();
        builder.Property(o => o.LeadSource).HasConversion<string>();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.Amount);
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId);
        builder.HasMany(o => o.LineItems).WithOne().HasForeignKey(l => l.OpportunityId);
        builder.HasMany(o => o.ContactRoles).WithOne().HasForeignKey(r => r.OpportunityId);
        builder.Navigation(o => o.LineItems).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.ContactRoles).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class OpportunityLineItemConfiguration : IEntityTypeConfiguration<OpportunityLineItem>
{
    public void Configure(EntityTypeBuilder<OpportunityLineItem> builder)
    {
        builder.ToTable("opportunity_line_items");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.SalePrice).HasPrecision(12, 2);
        builder.Ignore(l => l.TotalPrice);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId);
    }
}

public sealed class OpportunityContactRoleConfiguration : IEntityTypeConfiguration<OpportunityContactRole>
{
    public void Configure(EntityTypeBuilder<OpportunityContactRole> builder)
    {
        builder.ToTable("opportunity_contact_roles");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Role).HasConversion<string>();
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId);
    }
}

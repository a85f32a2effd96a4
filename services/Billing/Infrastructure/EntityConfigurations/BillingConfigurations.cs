using Crm.Billing.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Billing.Infrastructure.EntityConfigurations;

public sealed class WonDealConfiguration : IEntityTypeConfiguration<WonDeal>
{
    public void Configure(EntityTypeBuilder<WonDeal> builder)
    {
        builder.ToTable("won_deals");
        builder.HasKey(d => d.OpportunityId);
        builder.Property(d => d.OpportunityId).ValueGeneratedNever();
        builder.Property(d => d.LinesJson).HasColumnName("lines").HasColumnType("jsonb");
        // Consumers run concurrently: the loser of two updates fails and is retried against the newer copy.
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Lines);
    }
}

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Status).HasConversion<string>();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<WonDeal>().WithMany().HasForeignKey(o => o.OpportunityId);
        builder.HasMany(o => o.LineItems).WithOne().HasForeignKey(l => l.OrderId);
        builder.Navigation(o => o.LineItems).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class OrderLineItemConfiguration : IEntityTypeConfiguration<OrderLineItem>
{
    public void Configure(EntityTypeBuilder<OrderLineItem> builder)
    {
        builder.ToTable("order_line_items");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.PriceAtPurchase).HasPrecision(12, 2);
        builder.Ignore(l => l.Total);
    }
}

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.PaymentMethod).HasConversion<string>();
        builder.Property(p => p.Status).HasConversion<string>();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Counted);
        builder.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId);
        builder.HasOne<Contract>().WithMany().HasForeignKey(p => p.ContractId);
    }
}

public sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PricePerCycle).HasPrecision(12, 2);
        builder.Property(c => c.BillingCycle).HasConversion<string>();
        builder.Property(c => c.Status).HasConversion<string>();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<WonDeal>().WithMany().HasForeignKey(c => c.OpportunityId);
    }
}

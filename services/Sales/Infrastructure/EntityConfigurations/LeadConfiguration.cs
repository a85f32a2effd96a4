using Crm.Sales.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Sales.Infrastructure.EntityConfigurations;

public sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.ToTable("leads");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Status).HasConversion<string>();
        builder.Property(l => l.LeadSource).HasConversion<string>();
        builder.Property(l => l.Industry).HasConversion<string>();
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.IsConverted);
        builder.Ignore(l => l.FullName);
        builder.HasOne<Account>().WithMany().HasForeignKey(l => l.ConvertedAccountId);
        builder.HasOne<Contact>().WithMany().HasForeignKey(l => l.ConvertedContactId);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(l => l.ConvertedOpportunityId);
    }
}

using Crm.Sales.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Sales.Infrastructure.EntityConfigurations;

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Type).HasConversion<string>();
        builder.Property(a => a.Version).IsConcurrencyToken();
        // The owner's name for the list to show and sort by, written by the database from the user directory
        // (0009_list_indexes.sql); the model never sets it.
        builder.Property<string>(ListColumns.OwnerName).HasColumnName("owner_name").ValueGeneratedOnAddOrUpdate();
        builder.Property<string>(ListColumns.SearchText).HasColumnName("search_text").ValueGeneratedOnAddOrUpdate();
        builder.HasOne<Account>().WithMany().HasForeignKey(a => a.ParentAccountId);
    }
}

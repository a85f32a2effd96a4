using Crm.Sales.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Sales.Infrastructure.EntityConfigurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        // The owner's name for the list to show and sort by, written by the database from the user directory
        // (0009_list_indexes.sql); the model never sets it.
        builder.Property<string>(ListColumns.OwnerName).HasColumnName("owner_name").ValueGeneratedOnAddOrUpdate();
        // The contact list's search text (name and account name), written by the database (0010_contact_search_text.sql).
        builder.Property<string>(ListColumns.SearchText).HasColumnName("search_text").ValueGeneratedOnAddOrUpdate();
        builder.Ignore(c => c.FullName);
        builder.HasOne<Contact>().WithMany().HasForeignKey(c => c.ReportsToId);
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId);
    }
}

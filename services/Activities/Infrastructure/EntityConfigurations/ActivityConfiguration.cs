using Crm.Activities.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Activities.Infrastructure.EntityConfigurations;

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Type).HasConversion<string>();
        builder.Property(a => a.Status).HasConversion<string>();
        builder.Property(a => a.Priority).HasConversion<string>();
        builder.Property(a => a.WhatType).HasConversion<string>();
        builder.Property(a => a.WhoType).HasConversion<string>();
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

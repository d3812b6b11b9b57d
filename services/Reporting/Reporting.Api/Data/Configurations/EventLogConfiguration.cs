using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Reporting.Api.Data.Configurations;

/// <summary>Table <c>reporting.event_log</c>: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).</summary>
public sealed class EventLogConfiguration : IEntityTypeConfiguration<LoggedEvent>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<LoggedEvent> builder)
    {
        builder.ToTable("event_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(300);
        builder.Property(e => e.Body).HasColumnType("jsonb");
        builder.HasIndex(e => e.MessageId).IsUnique();
    }
}

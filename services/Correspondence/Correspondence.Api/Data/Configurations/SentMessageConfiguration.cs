using System.Text.Json;
using IcsComplaints.Correspondence.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Correspondence.Api.Data.Configurations;

/// <summary>Table <c>correspondence.messages</c>: one row per event, template and recipient, which a redelivered event cannot add twice.</summary>
public sealed class SentMessageConfiguration : IEntityTypeConfiguration<SentMessage>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<SentMessage> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Template).HasMaxLength(60);
        builder.Property(m => m.RecipientRole).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.RecipientCode).HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.OrganisationCode).HasMaxLength(9);
        builder.Property(m => m.Reason).HasMaxLength(500);
        builder.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(m => m.Facts);
        builder.Property<Dictionary<string, string>>("_facts")
            .HasColumnName("facts")
            .HasColumnType("jsonb")
            .HasConversion(
                facts => JsonSerializer.Serialize(facts, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    facts => facts.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    facts => new Dictionary<string, string>(facts, StringComparer.Ordinal)));
        // The one guarantee against a duplicate: whatever retries or redeliveries happen, one event owes each
        // recipient (a role, and which one of it where a case has several) one message of each template.
        builder.HasIndex(m => new { m.EventId, m.Template, m.RecipientRole, m.RecipientCode }).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CaseId);
        // Messages about a complaint before (or without) a case are found by the complaint (ADR 37).
        builder.HasIndex(m => m.ComplaintId);
    }
}

using IcsComplaints.Learning.Domain.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.actions</c>.</summary>
public sealed class LearningActionConfiguration : IEntityTypeConfiguration<LearningAction>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<LearningAction> builder)
    {
        builder.ToTable("actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.OrganisationCode).HasMaxLength(9);
        builder.Property(a => a.WhatWillChange).HasMaxLength(2_000);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RaisedBy).HasMaxLength(200);
        builder.Property(a => a.Evidence).HasMaxLength(4_000);
        builder.Property(a => a.YouSaid).HasMaxLength(1_000);
        builder.Property(a => a.WeDid).HasMaxLength(1_000);
        builder.HasIndex(a => new { a.OrganisationCode, a.Status, a.DueOn });
        // One action per change of a final response, however often FinalResponseSent is delivered or by how many replicas.
        builder.HasIndex(a => new { a.CaseId, a.ChangeIndex }).IsUnique().HasFilter("change_index IS NOT NULL");
    }
}

using IcsComplaints.Learning.Domain.Coding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.hcat_codings</c>.</summary>
public sealed class HcatCodingConfiguration : IEntityTypeConfiguration<HcatCoding>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<HcatCoding> builder)
    {
        builder.ToTable("hcat_codings");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.OrganisationCode).HasMaxLength(9);
        builder.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.CoderSubjectId).HasMaxLength(200);
        builder.PrimitiveCollection(x => x.StagesOfCare);
        // One coding per person per case and subject; a second person's is the independent one.
        builder.HasIndex(x => new { x.CaseId, x.Subject, x.CoderSubjectId }).IsUnique();
        builder.HasIndex(x => new { x.CaseId, x.Subject, x.Independent }).IsUnique();
        builder.HasIndex(x => x.OrganisationCode);
    }
}

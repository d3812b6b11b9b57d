using IcsComplaints.Case.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Case.Api.Data.Configurations;

/// <summary>Table <c>case.case_documents</c>: what each file is; its bytes are in the content store.</summary>
public sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ToTable("case_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OrganisationCode).HasMaxLength(9);
        builder.Property(d => d.FileName).HasMaxLength(100);
        builder.Property(d => d.TypeName).HasMaxLength(40);
        builder.Property(d => d.MediaType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.AddedBySubject).HasMaxLength(200);
        builder.Property(d => d.Scan).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Signature).HasMaxLength(200);
        builder.Ignore(d => d.ContentKey);
        builder.HasIndex(d => new { d.CaseId, d.AddedAt });
        // The scan worker's queue: only files still waiting.
        builder.HasIndex(d => d.AddedAt).HasFilter("scan = 'Pending'").HasDatabaseName("ix_case_documents_pending");
    }
}

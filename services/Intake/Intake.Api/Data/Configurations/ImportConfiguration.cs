using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Intake.Api.Data.Configurations;

internal sealed class ComplaintImportJobConfiguration : IEntityTypeConfiguration<ComplaintImportJob>
{
    public void Configure(EntityTypeBuilder<ComplaintImportJob> builder)
    {
        builder.ToTable("complaint_import_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.OrganisationCode).HasMaxLength(10);
        builder.Property(j => j.Source).HasMaxLength(50);
        builder.Property(j => j.UploadedBy).HasMaxLength(200);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        // The worker looks for the oldest unfinished import.
        builder.HasIndex(j => new { j.State, j.CreatedAt });
    }
}

internal sealed class ComplaintImportRowConfiguration : IEntityTypeConfiguration<ComplaintImportRow>
{
    public void Configure(EntityTypeBuilder<ComplaintImportRow> builder)
    {
        builder.ToTable("complaint_import_rows");
        builder.HasKey(r => new { r.JobId, r.Line });
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ComplaintImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.JobId, r.Outcome, r.Line });
    }
}

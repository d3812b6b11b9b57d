using IcsComplaints.Learning.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Learning.Api.Data.Configurations;

/// <summary>Table <c>learning.staff_training</c>.</summary>
public sealed class StaffTrainingConfiguration : IEntityTypeConfiguration<StaffTraining>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StaffTraining> builder)
    {
        builder.ToTable("staff_training");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.OrganisationCode).HasMaxLength(9);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.JobTitle).HasMaxLength(200);
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(30);
        // An organisation's register, read whole for its page and its coverage.
        builder.HasIndex(s => s.OrganisationCode);
        builder.HasMany(s => s.Completions).WithOne().HasForeignKey(c => c.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Table <c>learning.training_completions</c>.</summary>
public sealed class TrainingCompletionConfiguration : IEntityTypeConfiguration<TrainingCompletion>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TrainingCompletion> builder)
    {
        builder.ToTable("training_completions");
        builder.HasKey(c => c.Id);
        // The domain gives each completion its identifier, so one found on a tracked member of staff is new, not changed.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Course).HasMaxLength(40);
        // The same course on the same day is one completion, however often it is sent.
        builder.HasIndex(c => new { c.StaffId, c.Course, c.CompletedOn }).IsUnique();
    }
}

using IcsComplaints.Intake.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Intake.Api.Data.Configurations;

/// <summary>Table <c>intake.complaints</c>. Enumerations are stored by name, so the data reads without the code.</summary>
public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.HasKey(c => c.Id);
        // What the complaint announced is published, not stored.
        builder.Ignore(c => c.Events);
        builder.Property(c => c.Reference).HasMaxLength(9);
        builder.HasIndex(c => c.Reference).IsUnique();
        // Case events name the case only; they find the complaint through it.
        builder.HasIndex(c => c.CaseId);
        builder.Property(c => c.OrganisationCode).HasMaxLength(9);
        builder.Property(c => c.HandlingOrganisationCode).HasMaxLength(9);
        builder.HasIndex(c => new { c.HandlingOrganisationCode, c.ReceivedOn });
        // An organisation's lists also hold the complaints made to it that another handles (transferred, or with a
        // lead elsewhere): the other half of "handled by or made to", which without it reads every complaint.
        builder.HasIndex(c => new { c.OrganisationCode, c.ReceivedOn }).HasDatabaseName("ix_complaints_organisation_code_received_on");
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Description).HasMaxLength(20_000);
        builder.Property(c => c.DesiredOutcome).HasMaxLength(20_000);
        builder.Property(c => c.ComplainantSubjectId).HasMaxLength(200);
        builder.Property(c => c.PatientName).HasMaxLength(200);
        builder.Property(c => c.PatientNhsNumber).HasMaxLength(10);
        builder.HasIndex(c => c.PatientNhsNumber);
        builder.HasIndex(c => c.PatientDateOfBirth);
        // A search by name matches the start of each word typed: a B-tree on the words with text_pattern_ops serves
        // LIKE 'word%' however many complaints there are. Loaded only by the search, never with the complaint.
        builder.HasMany(c => c.NameWords).WithOne().HasForeignKey(ComplaintNameWordConfiguration.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.NameWords).HasField("_nameWords").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(c => c.StatusSecretHash).HasMaxLength(64);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.ComplainantType).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.RepresentativeBasis).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.ConsentEvidence).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RelationshipToPatient).HasMaxLength(1_000);
        builder.Property(c => c.BestInterestsReasons).HasMaxLength(1_000);
        builder.Property(c => c.ContactPreference).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(c => c.ReasonableAdjustments).ElementType(e => e.HasConversion<string>());
        builder.Property(c => c.InterpreterLanguage).HasMaxLength(100);
        builder.Property(c => c.AdjustmentNotes).HasMaxLength(1_000);
        builder.Property(c => c.TimeLimitDecision).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.TimeLimitGoodReason).HasMaxLength(1_000);
        builder.Property(c => c.Route).HasConversion<string>().HasMaxLength(30);
        builder.PrimitiveCollection(c => c.AboutOrganisationCodes);
        builder.PrimitiveCollection(c => c.Parties);
        builder.Property(c => c.LeadOrganisationCode).HasMaxLength(9);
        builder.Property(c => c.TransferredFromOrganisationCode).HasMaxLength(9);
        builder.Property(c => c.ExclusionGround).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.ExclusionReasons).HasMaxLength(1_000);
        builder.Property(c => c.ImportSource).HasMaxLength(50);
        builder.Property(c => c.ImportExternalId).HasMaxLength(100);
        // Re-running an import finds the rows it already loaded by their identifier in the source system.
        builder.HasIndex(c => new { c.ImportSource, c.ImportExternalId }).IsUnique().HasFilter("import_source IS NOT NULL");
        // A concern becomes one complaint, even when two members of staff make it one at once.
        builder.HasIndex(c => c.FromConcernId).IsUnique().HasFilter("from_concern_id IS NOT NULL");
        builder.ComplexProperty(c => c.Complainant, complainant =>
        {
            complainant.Property(p => p.Name).HasMaxLength(200);
            complainant.Property(p => p.Email).HasMaxLength(254);
            complainant.Property(p => p.Phone).HasMaxLength(16);
            complainant.Property(p => p.AddressLine1).HasMaxLength(200);
            complainant.Property(p => p.AddressLine2).HasMaxLength(200);
            complainant.Property(p => p.Town).HasMaxLength(100);
            complainant.Property(p => p.Postcode).HasMaxLength(8);
            complainant.Ignore(p => p.Address);
        });
    }
}

/// <summary>Table <c>intake.complaint_name_words</c>: the normalised words of the names on each complaint, for the search.</summary>
public sealed class ComplaintNameWordConfiguration : IEntityTypeConfiguration<ComplaintNameWord>
{
    /// <summary>The shadow key naming the complaint.</summary>
    public const string ComplaintId = "ComplaintId";

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ComplaintNameWord> builder)
    {
        builder.ToTable("complaint_name_words");
        builder.Property<Guid>(ComplaintId);
        builder.Property(w => w.Word).HasMaxLength(NameWords.MaxWordLength);
        builder.HasKey(ComplaintId, nameof(ComplaintNameWord.Word));
        builder.HasIndex(w => w.Word).HasOperators("text_pattern_ops");
    }
}

/// <summary>Table <c>intake.idempotency_records</c>.</summary>
public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(420);
        builder.Property(r => r.ProtectedStatusSecret).HasMaxLength(512);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Reference).HasMaxLength(9);
        builder.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>Table <c>intake.duplicate_candidates</c>.</summary>
public sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DuplicateCandidate> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.MatchedOn).HasMaxLength(20);
        builder.HasIndex(d => new { d.ComplaintId, d.CandidateComplaintId }).IsUnique();
        builder.HasIndex(d => d.CandidateComplaintId);
    }
}

/// <summary>Table <c>intake.complaint_notifications</c>.</summary>
public sealed class ComplaintNotificationConfiguration : IEntityTypeConfiguration<ComplaintNotification>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ComplaintNotification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Recipient).HasMaxLength(20);
        builder.Property(n => n.Reason).HasMaxLength(500);
        builder.HasIndex(n => n.ComplaintId);
    }
}

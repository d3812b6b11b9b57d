using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>How an organisation runs the procedure, where the Standards leave it to the organisation.</summary>
public sealed class OrganisationSettings
{
    /// <summary>The default early-resolution target in working days from receipt (a local choice: the MCHP sets no national figure).</summary>
    public const int DefaultEarlyResolutionTarget = 3;

    /// <summary>ODS code.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Early-resolution target, in working days from receipt.</summary>
    public int EarlyResolutionTargetWorkingDays { get; set; } = DefaultEarlyResolutionTarget;

    /// <summary>The default review window for a shared draft, in working days.</summary>
    public const int DefaultReviewWindow = 5;

    /// <summary>Working days an advocate or contributing organisation has to review a draft before it can be finalised without them.</summary>
    public int ReviewWindowWorkingDays { get; set; } = DefaultReviewWindow;

    /// <summary>Who last changed them.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>Table <c>case.organisation_settings</c>.</summary>
public sealed class OrganisationSettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<OrganisationSettings> builder)
    {
        builder.HasKey(s => s.OrganisationCode);
        builder.Property(s => s.OrganisationCode).HasMaxLength(9);
        builder.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}

/// <summary>Reads the caller's organisation's settings (the defaults until changed).</summary>
public sealed class CaseSettingsQueries(Data.CaseDbContext db)
{
    /// <summary>The settings of the caller's organisation.</summary>
    public async Task<OrganisationSettings> GetAsync(IcsComplaints.Platform.Security.Caller caller, CancellationToken ct)
    {
        if (!caller.HasAny(CaseQueries.DetailRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new IcsComplaints.Validation.RequestForbiddenException("Settings are read by the staff of the organisation.");
        }
        return await db.OrganisationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OrganisationCode == organisation, ct)
            ?? new OrganisationSettings { OrganisationCode = organisation };
    }
}
